"""A seccomp deny-list for the JS host: what V8 and Pyodide never need, an escaped program would.

Default allow (V8, Tokio and glibc use a wide, version-dependent set of calls) with explicit denials:
sockets other than AF_UNIX (no network even without a network namespace), process creation
(clone without CLONE_THREAD, fork, vfork; clone3 answers ENOSYS so glibc falls back to clone, which
we can inspect), ptrace and cross-process memory access, mount/namespace calls, bpf, io_uring
(its own syscall surface), kernel keyrings and module loading.
"""
from __future__ import annotations

import errno
import os
import socket
import tempfile

DENIED = (
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp",
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "open_tree", "move_mount", "fsopen",
    "fsmount", "fspick", "mount_setattr",
    "bpf", "perf_event_open", "userfaultfd",
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "keyctl", "add_key", "request_key", "acct", "swapon", "swapoff", "reboot",
    "open_by_handle_at", "name_to_handle_at", "fork", "vfork",
)
CLONE_THREAD = 0x00010000


def available() -> tuple[bool, str]:
    try:
        import pyseccomp  # noqa: F401
    except Exception as exc:  # not Linux, or libseccomp missing
        return False, f"pyseccomp unavailable ({type(exc).__name__}: {exc})"
    return True, "deny-list: non-AF_UNIX sockets, fork/clone of processes, ptrace, mount, unshare, bpf, io_uring, ..."


def build():
    import pyseccomp as sc

    f = sc.SyscallFilter(defaction=sc.ALLOW)
    deny = sc.ERRNO(errno.EPERM)
    for name in DENIED:
        try:
            f.add_rule(deny, name)
        except Exception:  # a call this kernel/arch does not have
            pass
    f.add_rule(deny, "socket", sc.Arg(0, sc.NE, socket.AF_UNIX))
    f.add_rule(deny, "clone", sc.Arg(0, sc.MASKED_EQ, CLONE_THREAD, 0))
    f.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    return f


def bpf_fd() -> int:
    """The compiled filter in an unlinked temp file, for bubblewrap's `--seccomp FD`."""
    handle = tempfile.TemporaryFile()
    build().export_bpf(handle)
    handle.flush()
    fd = os.dup(handle.fileno())
    handle.close()
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def load_in_child() -> None:
    """Install the filter in the current process (used as a pre-exec step when bubblewrap is absent)."""
    build().load()
