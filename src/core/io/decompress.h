/*-------------------------------------------------------------------------
 *
 * decompress.h
 *	  Compressed inputs: gzip, bzip2 and zstd streams read as byte sources
 *	  that wrap another byte source, and the rule that recognises them.
 *
 * A decompressor is a source stacked on the one that holds the compressed
 * bytes (a file, a program's output, an object): it reads its inner source
 * in order with large reads, and hands out the decompressed bytes straight
 * into the caller's buffer.  It is sequential only (neither sized nor
 * ranged), so record ranges, key seeks and sampling by seeking do not
 * apply to it.  Memory is constant: one input buffer and the library's
 * state (zlib: its 32 KiB window; bzip2: at most about 4 MiB for a
 * 900k-block stream; zstd: the window its frame header declares, refused
 * above 128 MiB as the zstd program does), whatever the size of the
 * output: a "decompression bomb" only takes time.
 *
 * Every stream is read to its end: concatenated gzip members (cat a.gz
 * b.gz), concatenated bzip2 streams (pbzip2, lbzip2) and concatenated zstd
 * frames (skippable frames included) are one input.  A stream that ends
 * early, fails its check (CRC-32, length, block CRC, checksum) or is
 * followed by bytes that are not another stream is an error (ZF_E_FRAMING)
 * that names the byte offset in the compressed input, never a short
 * result.
 *
 * Recognising a compressed input (ZF_COMPRESSION_AUTO) takes its first
 * bytes, which must be a complete header, not just a magic number:
 *	 gzip	1F 8B, method 08 (deflate), no reserved flag bit (E0) set, the
 *			extra-flags byte 00, 02 or 04, the OS byte 0-13 or 255
 *			(RFC 1952): 10 bytes;
 *	 bzip2	"BZh" (42 5A 68), a block size '1'-'9', then the 48-bit magic
 *			of a first block (31 41 59 26 53 59) or of an empty stream's
 *			end (17 72 45 38 50 90): 10 bytes;
 *	 zstd	28 B5 2F FD, then a frame header descriptor without its
 *			reserved bit (08) (RFC 8878), or a skippable frame, 5x 2A 4D 18
 *			with x from 0 to F.
 * An uncompressed EBCDIC or ASCII file that began with one of these would
 * then also have to decompress completely and pass the stream's checks to
 * be read as compressed; when it does not, the error says that the input
 * was recognised as compressed, and its hint names compression 'none' as
 * the way to read the bytes as they are.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DECOMPRESS_H
#define ZF_DECOMPRESS_H

#include "io/byte_source.h"

typedef enum zf_compression
{
	ZF_COMPRESSION_AUTO = 0,	/* recognise by the first bytes */
	ZF_COMPRESSION_NONE,
	ZF_COMPRESSION_GZIP,
	ZF_COMPRESSION_BZIP2,
	ZF_COMPRESSION_ZSTD
} zf_compression;

/* Bytes the recognition looks at (fewer in a shorter input). */
#define ZF_COMPRESSION_SNIFF_LEN	10

/* The option value of a kind: "auto", "none", "gzip", "bzip2", "zstd". */
extern const char *zf_compression_name(zf_compression kind);

/* An option value to a kind; false when it is not one of them. */
extern bool zf_compression_parse(const char *name, zf_compression *kind);

/*
 * The kind of compressed data that the first n bytes of an input begin
 * with (header checks as above), or ZF_COMPRESSION_NONE.
 */
extern zf_compression zf_compression_detect(const uint8_t *bytes, size_t n);

/*
 * What an input holds, for planning without reading it: AUTO looks at its
 * first bytes (at offset 0 of a ranged source, without moving it; a
 * sequential source cannot be looked at and gives NONE), any other kind is
 * returned as it is.
 */
extern zf_status zf_compression_peek(zf_byte_source *src,
									 zf_compression option,
									 zf_compression *found, zf_error *err);

/*
 * The source to read an input through, for the compression option:
 * NONE, or AUTO on an input that is not compressed, gives the input itself
 * (a sequential input looked at by AUTO: a source that gives its first
 * bytes back and owns it); a kind, named or recognised, gives its
 * decompressor, which owns the input.  *found (may be NULL) says which.
 * A named kind whose magic number the input does not begin with is
 * ZF_E_FRAMING.  On failure NULL is returned and the input is still the
 * caller's (a sequential one may have been read from).
 */
extern zf_byte_source *zf_decompress_open(zf_byte_source *inner,
										  zf_compression option,
										  zf_compression *found,
										  zf_error *err);

/*
 * The decompressors themselves, over an input whose first byte is the
 * first byte of the stream; detected says that AUTO chose it (its errors
 * then hint at compression 'none').  They own inner once made.
 */
extern zf_byte_source *zf_gzip_source_open(zf_byte_source *inner,
										   bool detected, zf_error *err);
extern zf_byte_source *zf_bzip2_source_open(zf_byte_source *inner,
											bool detected, zf_error *err);
extern zf_byte_source *zf_zstd_source_open(zf_byte_source *inner,
										   bool detected, zf_error *err);

#endif							/* ZF_DECOMPRESS_H */
