/* random: prints 16 random bytes (WASI random_get through getentropy) as 32 hex digits. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	unsigned char bytes[16];
	if (getentropy(bytes, sizeof bytes) != 0)
		return 1;
	for (size_t i = 0; i < sizeof bytes; i++)
		printf("%02x", bytes[i]);
	printf("\n");
	return 0;
}
