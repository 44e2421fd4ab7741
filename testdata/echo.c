/* echo: copies stdin to stdout until end of file, in large blocks (flow control does the rest). */
#include <unistd.h>

static char buf[1 << 20];

int main(void)
{
	for (;;) {
		ssize_t n = read(0, buf, sizeof buf);
		if (n < 0)
			return 2;
		if (n == 0)
			return 0;
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(1, buf + done, (size_t) (n - done));
			if (w <= 0)
				return 3;
			done += w;
		}
	}
}
