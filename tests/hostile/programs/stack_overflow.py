def deeper(k):
    # Through map, every level also takes C stack: the native stack overflows, not just the
    # interpreter's recursion limit (which the harness raises to a million).
    return max(map(deeper, [k + 1]))


def work(n):
    return deeper(n)
