#!/usr/bin/env python3
"""Marks one symbol-version need of an ELF shared object as weak (VER_FLG_WEAK), in place.

Why: libLibTorchSharp.so (TorchSharp 0.107.0) is built with GCC 13 and asks for GLIBCXX_3.4.32, which Debian 12's
libstdc++ (3.4.30) lacks. The only symbol behind that version is std::ios_base_library_init(), a marker nothing
calls. A weak version need lets the dynamic loader accept the library where that version is missing; where it
exists (newer distributions) nothing changes. Only the named version is touched; running twice changes nothing.

Usage: weaken-glibcxx-need.py [--version GLIBCXX_3.4.32] FILE_OR_DIR...   (directories: every libLibTorchSharp.so below)
"""
import os
import struct
import sys

SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def weaken(path, version):
    """Returns 'patched', 'already weak', or 'not needed'; raises ValueError on a file it cannot read as ELF64 LE."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        result = "not needed"
        for (_, sh_type, _, _, sh_offset, _, sh_link, sh_info, _, _) in sections:
            if sh_type != SHT_GNU_VERNEED:
                continue
            strtab_offset = sections[sh_link][4]
            entry = sh_offset
            for _ in range(sh_info):
                _, vn_cnt, _, vn_aux, vn_next = struct.unpack_from("<HHIII", data, entry)
                aux = entry + vn_aux
                for _ in range(vn_cnt):
                    _, flags, _, name, vna_next = struct.unpack_from("<IHHII", data, aux)
                    end = data.index(b"\0", strtab_offset + name)
                    if data[strtab_offset + name:end].decode() == version:
                        if flags & VER_FLG_WEAK:
                            result = "already weak" if result == "not needed" else result
                        else:
                            struct.pack_into("<H", data, aux + 4, flags | VER_FLG_WEAK)
                            result = "patched"
                    aux += vna_next
                    if vna_next == 0:
                        break
                entry += vn_next
                if vn_next == 0:
                    break
    if result == "patched":
        # A new file renamed over the old one: never writes through a hard link into the NuGet cache.
        temporary = path + ".weak-tmp"
        with open(temporary, "wb") as f:
            f.write(data)
        os.chmod(temporary, os.stat(path).st_mode)
        os.replace(temporary, path)
    return result


def targets(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for root, _, files in os.walk(argument):
                for name in files:
                    if name == "libLibTorchSharp.so":
                        yield os.path.join(root, name)
        elif os.path.isfile(argument):
            yield argument


def main(argv):
    version = "GLIBCXX_3.4.32"
    if len(argv) > 1 and argv[0] == "--version":
        version, argv = argv[1], argv[2:]
    for path in targets(argv):
        print(f"{path}: {version} {weaken(path, version)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
