/*-------------------------------------------------------------------------
 *
 * fuzz_zstd.c
 *	  libFuzzer target for the zstd decompressor (io/zstd_source.c through
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
	return fuzz_decompress(ZF_COMPRESSION_ZSTD, data, size);
}
