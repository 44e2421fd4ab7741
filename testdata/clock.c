/*
 * clock: checks the WASI clocks: realtime is after 2020-01-01, monotonic advances across a 20 ms
 * sleep (poll_oneoff with a clock subscription). Prints one line per check; exit status 0 when
 * all pass, 1 otherwise.
 */
#include <stdio.h>
#include <time.h>

int main(void)
{
	int failed = 0;
	struct timespec real, t1, t2;
	clock_gettime(CLOCK_REALTIME, &real);
	if (real.tv_sec > 1577836800) {
		printf("realtime ok\n");
	} else {
		printf("realtime wrong: %lld\n", (long long) real.tv_sec);
		failed = 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	struct timespec nap = {0, 20 * 1000 * 1000};
	nanosleep(&nap, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t2);
	long long elapsed = (long long) (t2.tv_sec - t1.tv_sec) * 1000000000LL + (t2.tv_nsec - t1.tv_nsec);
	if (elapsed >= 20 * 1000 * 1000) {
		printf("monotonic ok\n");
	} else {
		printf("monotonic wrong: %lld ns across a 20 ms sleep\n", elapsed);
		failed = 1;
	}
	return failed;
}
