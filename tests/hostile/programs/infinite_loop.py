def work(n):
    while True:
        pass
