import os

TARGETS = ["@VICTIM@/victim.txt", "@VICTIM@/planted.txt", "/usr/effiskel-planted-@MARKER@",
           "/etc/effiskel-planted-@MARKER@", "/tmp/effiskel-planted-@MARKER@"]


def work(n):
    for path in TARGETS:
        try:
            with open(path, "w") as f:
                f.write("@MARKER@")
        except OSError:
            pass
    try:
        os.unlink("@VICTIM@/victim.txt")
    except OSError:
        pass
    return n * (n + 1) // 2
