/*-------------------------------------------------------------------------
 *
 * codepage.h
 *	  EBCDIC and ASCII-family code pages to and from UTF-8.
 *
 * Single-byte EBCDIC pages (cp037, cp1047, cp500, cp273, cp1140..cp1149,
 * ...) are translated by a 256-entry table built once per page through
 * glibc iconv.  Mixed single/double-byte pages (cp930, cp939, cp1390,
 * cp1399, cp935, cp937, cp933, ...) switch between SBCS and DBCS at SO
 * (X'0E') and SI (X'0F') and go through iconv; pure DBCS data (PIC G,
 * DISPLAY-1, DB2 GRAPHIC) is decoded as if wrapped in SO/SI.  "ascii",
 * "latin1" and "utf8" cover files that were already converted.
 *
 * Pages are looked up by name ("cp037", "ibm-1047", "IBM037") or by CCSID
 * number ("37", "1047") and cached for the life of the process; the
 * returned pointer stays valid.  Not thread-safe (PostgreSQL backends are
 * single-threaded).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_CODEPAGE_H
#define ZF_CODEPAGE_H

#include "base/status.h"
#include "decode/decimal.h"

/*
 * Line ends of text records: the EBCDIC newline NL (X'15', what z/OS
 * writes for a text file transferred in binary), the EBCDIC line feed
 * (X'25', what some transfer tools write instead), the ASCII line feed,
 * and the carriage return that may stand before either (the same byte in
 * both families).
 */
#define ZF_EBCDIC_NL	0x15
#define ZF_EBCDIC_LF	0x25
#define ZF_ASCII_LF		0x0A
#define ZF_CR			0x0D

typedef enum zf_cp_kind
{
	ZF_CP_EBCDIC_SBCS,			/* one byte per character, table driven */
	ZF_CP_EBCDIC_MIXED,			/* SBCS with SO/SI shifts into DBCS */
	ZF_CP_ASCII,				/* ascii / latin1: one byte, table driven */
	ZF_CP_UTF8					/* already UTF-8: validated, copied */
} zf_cp_kind;

typedef struct zf_codepage zf_codepage;

/* Find (building and caching on first use) a code page by name or CCSID. */
extern const zf_codepage *zf_codepage_lookup(const char *name, zf_error *err);

/* Canonical name, e.g. "cp037", "cp930", "ascii". */
extern const char *zf_codepage_name(const zf_codepage *cp);
extern zf_cp_kind zf_codepage_kind(const zf_codepage *cp);
extern bool zf_codepage_is_ebcdic(const zf_codepage *cp);

/* The charset family for zoned decimal digits of this page. */
extern zf_charset zf_codepage_charset(const zf_codepage *cp);

/* The single-byte space of the page: X'40' for EBCDIC, X'20' otherwise. */
extern uint8_t zf_codepage_space(const zf_codepage *cp);

/* The digit zero of the page: X'F0' for EBCDIC, X'30' otherwise. */
extern uint8_t zf_codepage_zero(const zf_codepage *cp);

/*
 * The byte that ends a text record of this page when the table does not
 * say: NL (X'15') for EBCDIC, LF (X'0A') otherwise.
 */
extern uint8_t zf_codepage_newline(const zf_codepage *cp);

/*
 * Upper bound of UTF-8 bytes produced from n source bytes, for sizing the
 * destination buffer of zf_codepage_decode and zf_codepage_decode_dbcs
 * (SBCS: 3 per byte; DBCS: up to 6 per 2 bytes, as some characters of
 * cp1390 and cp1399 are two code points, X'ECB5' U+304B U+309A).
 */
extern size_t zf_codepage_utf8_bound(const zf_codepage *cp, size_t n);

/*
 * Upper bound of page bytes produced by zf_codepage_encode from n UTF-8
 * bytes (n for single-byte pages; 2n+1 for mixed pages, whose characters
 * may need SO and SI around them).
 */
extern size_t zf_codepage_encode_bound(const zf_codepage *cp, size_t n);

/*
 * Decode n bytes of text into UTF-8 at dst (capacity dstcap), setting
 * *dstlen.  A byte that decodes to U+0000 (low-values) is ZF_E_BAD_DATA with
 * err->offset set to its position, because PostgreSQL text cannot hold it;
 * bytes the page does not map, or a broken SO/SI sequence, are
 * ZF_E_CODEPAGE with err->offset set.  No allocation.
 */
extern zf_status zf_codepage_decode(const zf_codepage *cp, const uint8_t *src,
									size_t n, char *dst, size_t dstcap,
									size_t *dstlen, zf_error *err);

/*
 * Decode pure double-byte data (no SO/SI: PIC G, DISPLAY-1, DB2 GRAPHIC)
 * of a mixed page.  n must be even.
 */
extern zf_status zf_codepage_decode_dbcs(const zf_codepage *cp,
										 const uint8_t *src, size_t n,
										 char *dst, size_t dstcap,
										 size_t *dstlen, zf_error *err);

/* Decode UTF-16 big-endian (USAGE NATIONAL, DB2 Unicode GRAPHIC). */
extern zf_status zf_utf16be_decode(const uint8_t *src, size_t n, char *dst,
								   size_t dstcap, size_t *dstlen,
								   zf_error *err);

/*
 * Encode UTF-8 into the page (for to_ebcdic, segment values and key
 * comparisons on encoded bytes).  A character the page cannot represent is
 * ZF_E_CODEPAGE.  For mixed pages SO/SI are inserted as needed.
 */
extern zf_status zf_codepage_encode(const zf_codepage *cp, const char *src,
									size_t n, uint8_t *dst, size_t dstcap,
									size_t *dstlen, zf_error *err);

/*
 * For single-byte pages, the table of UTF-8 sequences per byte: entry b has
 * length utf8_len[b] (0 for an unmapped byte) and bytes utf8[b][0..len-1].
 * NULL for mixed and UTF-8 pages.  Lets the fdw's hot loop inline decoding.
 * A byte that decodes to U+0000 also has utf8_len 0, so an inlined loop
 * takes its error path for it and can call zf_codepage_decode for the error
 * (ZF_E_BAD_DATA there, ZF_E_CODEPAGE for a truly unmapped byte).  The four
 * bytes of utf8[b] past its length are zero, so a loop may copy all four.
 */
typedef struct zf_sbcs_table
{
	uint8_t		utf8_len[256];
	uint8_t		utf8[256][4];
	int16_t		from_unicode_ascii[128];	/* byte for U+0000..U+007F, -1 none */
} zf_sbcs_table;

extern const zf_sbcs_table *zf_codepage_sbcs(const zf_codepage *cp);

/* The code point of one byte of a single-byte page, or ZF_CP_NO_CHAR. */
#define ZF_CP_NO_CHAR	0xFFFFFFFFu
extern uint32_t zf_codepage_ucs(const zf_codepage *cp, uint8_t b);

/* All names accepted by zf_codepage_lookup, for documentation and tests. */
extern const char *const *zf_codepage_known_names(void);

#endif							/* ZF_CODEPAGE_H */
