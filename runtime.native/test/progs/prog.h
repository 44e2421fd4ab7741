/* Shared definitions of the hand-written test programs (flat text, entry at 0). */
#include "gate/abi.h"

#define SLOT(k) (text_base + GATE_SLOT_OFFSET(k))

	.text
text_base:
