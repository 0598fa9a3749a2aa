import socket


def work(n):
    try:
        with socket.create_connection(("127.0.0.1", @PORT@), timeout=1) as s:
            s.sendall(b"@MARKER@")
    except OSError:
        pass
    return n * (n + 1) // 2
