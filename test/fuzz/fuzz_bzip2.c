/*-------------------------------------------------------------------------
 *
 * fuzz_bzip2.c
 *	  libFuzzer target for the bzip2 decompressor (io/bzip2_source.c through
 *	  io/decompress.h): see fuzz_decompress.h for the input and the
 *	  invariants.
 *
 * fuzz-max-len: 8192
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_decompress.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_decompress(ZF_COMPRESSION_BZIP2, data, size);
}
