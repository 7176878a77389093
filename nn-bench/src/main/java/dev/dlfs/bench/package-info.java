/** JMH benchmarks; each compares with a peer measured in the same session (see docs/benchmarks.md). */
package dev.dlfs.bench;
