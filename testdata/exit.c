/* exit: exits with the status given as argv[1] (default 0), without output. */
#include <stdlib.h>

int main(int argc, char **argv)
{
	return argc > 1 ? atoi(argv[1]) : 0;
}
