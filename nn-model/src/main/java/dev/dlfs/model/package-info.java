/** Networks, their YAML configuration and builder, training, and checkpoints. */
package dev.dlfs.model;
