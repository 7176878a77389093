#!/usr/bin/env python3
"""Describes the CPU and checks that the NumPy / PyTorch peers run their matrix products on OpenBLAS.

Every benchmark script that times a peer runs this first, with the interpreter and the environment the peer will be
timed in (which BLAS a process loads and which kernels OpenBLAS picks depend on both: the libblas.so.3 alternative,
LD_LIBRARY_PATH, OPENBLAS_CORETYPE, ...):

    env -u OPENBLAS_CORETYPE /usr/bin/python3 scripts/bench/peer_check.py                  # NumPy peers
    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/bench/peer_check.py --torch
    OPENBLAS_CORETYPE=Haswell /usr/bin/python3 scripts/bench/peer_check.py --expect-arch Haswell

It prints the CPU (model, AVX-512 or not) and, per peer, the BLAS that serves its matrix products: OpenBLAS version,
kernel architecture (SkylakeX, Cooperlake, Zen, Haswell, ...), threading layer and threads. It exits with status 1,
before anything is timed, when they do not run on OpenBLAS. A reference BLAS (Debian's libblas3) is 10-100 times
slower, and timing it would flatter dlfs.

The BLAS is the library that actually provides cblas_sgemm to NumPy (sgemm_ to torch), found with dladdr. Listing
the loaded libraries (threadpoolctl) is not enough: with the reference libblas.so.3 selected, OpenBLAS is still
loaded through liblapack.so.3 and threadpoolctl reports it, while every matrix product runs in the reference BLAS.
"""
import argparse
import ctypes
import os
import re
import sys

FIX = ("install OpenBLAS: 'apt-get install libopenblas0-pthread' (Debian/Ubuntu; it takes over the libblas.so.3 "
       "alternative, see 'update-alternatives --display libblas.so.3-x86_64-linux-gnu'), and make sure that "
       "LD_LIBRARY_PATH or LD_PRELOAD do not put another libblas.so.3 first")
# OpenBLAS kernel families (threadpoolctl's "architecture") that use AVX-512.
AVX512_KERNELS = {"skylakex", "cooperlake", "sapphirerapids"}


class CheckError(Exception):
    pass


def cpu_info():
    """Model, family/model numbers and flags of the first processor in /proc/cpuinfo (empty dict if unreadable)."""
    info = {}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if not line.strip():
                    break
                key, _, value = line.partition(":")
                info[key.strip()] = value.strip()
    except OSError:
        pass
    return info


def cpu_line():
    info = cpu_info()
    if not info:
        return "cpu: unknown (no /proc/cpuinfo); %d logical CPUs" % os.cpu_count()
    flags = info.get("flags", "").split()
    avx512 = sorted(f for f in flags if f.startswith("avx512"))
    return "cpu: %s (vendor %s, family %s, model %s), %d logical CPUs; AVX-512: %s; AVX2: %s; FMA: %s" % (
        info.get("model name", "?"), info.get("vendor_id", "?"), info.get("cpu family", "?"), info.get("model", "?"),
        os.cpu_count(), ("yes (%s)" % " ".join(avx512)) if "avx512f" in flags else "no",
        "yes" if "avx2" in flags else "no", "yes" if "fma" in flags else "no")


def cpu_has_avx512():
    return "avx512f" in cpu_info().get("flags", "").split()


class _DlInfo(ctypes.Structure):
    _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]


def provider(library, symbols):
    """Real path of the shared object that provides the first of `symbols` as `library` sees it, or None.

    dlsym on the (already loaded) library's handle searches it and then its dependencies in load order, which is
    where its own calls to that symbol go.
    """
    libc = ctypes.CDLL(None)
    libc.dladdr.argtypes = [ctypes.c_void_p, ctypes.POINTER(_DlInfo)]
    handle = ctypes.CDLL(library)
    for symbol in symbols:
        try:
            function = getattr(handle, symbol)
        except AttributeError:
            continue
        info = _DlInfo()
        if libc.dladdr(ctypes.cast(function, ctypes.c_void_p), ctypes.byref(info)) and info.dli_fname:
            return os.path.realpath(info.dli_fname.decode())
    return None


def openblas_pools(provider_path):
    """threadpoolctl's OpenBLAS entries, the one belonging to provider_path first (same file or same folder:
    Debian's openblas-pthread/libblas.so.3 is a thin library over libopenblas.so.0 in the same folder)."""
    try:
        import threadpoolctl
    except ImportError:
        raise CheckError("threadpoolctl is missing: apt-get install python3-threadpoolctl")
    pools = [p for p in threadpoolctl.threadpool_info() if p.get("internal_api") == "openblas"]

    def rank(p):
        path = os.path.realpath(p.get("filepath") or "")
        return 0 if path == provider_path else 1 if os.path.dirname(path) == os.path.dirname(provider_path) else 2
    return sorted(pools, key=rank)


def describe_blas(peer, version, library, symbols, expect_arch):
    """One line naming the OpenBLAS behind `library`; raises CheckError if its matrix products are not OpenBLAS."""
    served_by = provider(library, symbols)
    if served_by is None:
        raise CheckError("%s %s: no BLAS provides %s to %s, so its matrix products cannot be checked; %s"
                         % (peer, version, " or ".join(symbols), library, FIX))
    if "openblas" not in served_by.lower():
        raise CheckError("%s %s does its matrix products in %s, which is not OpenBLAS (a reference BLAS is 10-100x "
                         "slower: timing it would flatter dlfs). Fix: %s" % (peer, version, served_by, FIX))
    pools = openblas_pools(served_by)
    if not pools:
        raise CheckError("%s %s: its BLAS %s looks like OpenBLAS but threadpoolctl finds no OpenBLAS in the process; "
                         "%s" % (peer, version, served_by, FIX))
    pool = pools[0]
    arch = pool.get("architecture") or "unknown"
    line = "peer BLAS: %s %s on OpenBLAS %s, %s kernels, %s, threads: %s (%s from %s)" % (
        peer, version, pool.get("version"), arch, pool.get("threading_layer"), pool.get("num_threads"),
        symbols[0], served_by)
    coretype = os.environ.get("OPENBLAS_CORETYPE")
    if expect_arch:
        if arch.lower() != expect_arch.lower():
            raise CheckError("%s %s: OpenBLAS uses its %s kernels, expected %s (OPENBLAS_CORETYPE=%s)"
                             % (peer, version, arch, expect_arch, coretype))
    elif cpu_has_avx512() and arch.lower() not in AVX512_KERNELS:
        if coretype:
            raise CheckError("%s %s: OPENBLAS_CORETYPE=%s makes OpenBLAS use its %s kernels on a CPU with AVX-512, "
                             "so the peer would not run at its best; unset it (env -u OPENBLAS_CORETYPE)"
                             % (peer, version, coretype, arch))
        print("warning: the CPU has AVX-512 but OpenBLAS %s picks its %s kernels (an OpenBLAS too old for this CPU?)"
              % (pool.get("version"), arch), file=sys.stderr)
    return line


def check_numpy(expect_arch=None):
    try:
        import numpy
    except ImportError:
        raise CheckError("NumPy is missing for %s: apt-get install python3-numpy (and run the Debian interpreter, "
                         "/usr/bin/python3)" % sys.executable)
    try:
        from numpy.core import _multiarray_umath as core
    except ImportError:
        from numpy._core import _multiarray_umath as core
    return describe_blas("numpy", numpy.__version__, core.__file__, ("cblas_sgemm", "sgemm_"), expect_arch)


def check_torch(expect_arch=None):
    try:
        import torch
    except ImportError:
        raise CheckError("PyTorch is missing for %s: apt-get install python3-torch (and run the Debian interpreter, "
                         "/usr/bin/python3)" % sys.executable)
    lib = os.path.join(os.path.dirname(torch.__file__), "lib", "libtorch_cpu.so")
    if not os.path.exists(lib):
        raise CheckError("torch %s: no %s to check its BLAS in; this check knows Debian's python3-torch"
                         % (torch.__version__, lib))
    line = describe_blas("torch", torch.__version__, lib, ("sgemm_", "cblas_sgemm"), expect_arch)
    config = torch.__config__.show()
    facts = re.findall(r"BLAS_INFO=[^,\s]*|CPU capability usage: \S+|MKL-DNN v\S+|oneDNN v\S+", config)
    return "%s; torch's own build: %s" % (line, ", ".join(facts) or "?")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--torch", action="store_true", help="check PyTorch's BLAS too")
    ap.add_argument("--expect-arch", metavar="KERNEL",
                    help="require these OpenBLAS kernels (e.g. Haswell, for the AVX2 comparison)")
    ap.add_argument("--cpu-only", action="store_true", help="print the CPU line only")
    args = ap.parse_args()
    print(cpu_line(), flush=True)
    if args.cpu_only:
        return 0
    failed = False
    for check in [check_numpy] + ([check_torch] if args.torch else []):
        try:
            print(check(args.expect_arch), flush=True)
        except CheckError as e:
            print("peer check failed: %s" % e, file=sys.stderr, flush=True)
            failed = True
    if failed:
        print("peer check failed: stopping before anything is timed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
