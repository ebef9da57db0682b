/*-------------------------------------------------------------------------
 *
 * fuzz_gzip.c
 *	  libFuzzer target for the gzip decompressor (io/gzip_source.c through
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
	return fuzz_decompress(ZF_COMPRESSION_GZIP, data, size);
}
