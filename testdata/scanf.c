/* scanf: reads whitespace-separated integers from stdin and prints their sum (wasi-libc stdio). */
#include <stdio.h>

int main(void)
{
	long long sum = 0, value;
	int count = 0;
	while (scanf("%lld", &value) == 1) {
		sum += value;
		count++;
	}
	printf("%d numbers, sum %lld\n", count, sum);
	return 0;
}
