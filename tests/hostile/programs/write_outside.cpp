#include <cstdio>
#include <unistd.h>

long long work(long long n) {
    const char* targets[] = {"@VICTIM@/victim.txt", "@VICTIM@/planted.txt", "/usr/effiskel-planted-@MARKER@",
                             "/etc/effiskel-planted-@MARKER@", "/tmp/effiskel-planted-@MARKER@"};
    for (const char* path : targets) {
        if (std::FILE* f = std::fopen(path, "w")) {
            std::fputs("@MARKER@", f);
            std::fclose(f);
        }
    }
    unlink("@VICTIM@/victim.txt");
    return n * (n + 1) / 2;
}
