/*-------------------------------------------------------------------------
 *
 * keyrange.h
 *	  The byte ranges of a numeric key field that hold every value of an
 *	  interval, for seeking in a file sorted by the key's bytes (a KSDS
 *	  export).
 *
 * A file sorted by its key bytes is not sorted by value: a packed or
 * zoned key orders by magnitude first, whatever the sign, and a signed
 * binary key puts negatives after positives.  The ranges returned hold
 * every encoding of every value in [lo, hi] (a superset: the caller still
 * checks each record's value), as one or two closed ranges of bytes in
 * memcmp order.
 *
 * Fields: packed (any sign nibble), zoned without a sign or with a
 * trailing sign in the zone (EBCDIC), binary signed or unsigned.  Other
 * kinds and sign placements have no such ranges; the caller evaluates
 * its conditions on every record instead.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_KEYRANGE_H
#define ZF_KEYRANGE_H

#include "decode/decimal.h"
#include "layout/layout.h"
#include "text/codepage.h"

#include <stdbool.h>

#define ZF_KEY_RANGES_MAX	2

/*
 * Does field f, in a file of code page cp, have such ranges?  Packed and
 * binary fields do, zoned ones without a sign or with a trailing sign in
 * the zone of an EBCDIC page, none with a negative scale (a P picture)
 * or longer than 16 bytes.
 */
extern bool zf_key_numeric_field(const zf_field *f, const zf_codepage *cp);

/*
 * Does the byte order of numeric key field f's encodings equal the order
 * of their values?  Only when no value is negative: an unsigned field
 * (a sign would order magnitudes first, whatever the sign).
 */
extern bool zf_key_bytes_in_value_order(const zf_field *f);

/* The smallest and largest value a key field can hold (unscaled). */
extern zf_int128 zf_key_field_min(const zf_field *f);
extern zf_int128 zf_key_field_max(const zf_field *f);

/*
 * The byte ranges of field f holding every value in [lo, hi] (unscaled,
 * clamped to what the field holds): returns how many (0 when none can),
 * each range written as lo_bytes[i] .. hi_bytes[i], f->length bytes each,
 * into buffers the caller provides.
 */
extern int	zf_key_numeric_ranges(const zf_field *f, zf_int128 lo, zf_int128 hi,
								  uint8_t *lo_bytes[ZF_KEY_RANGES_MAX],
								  uint8_t *hi_bytes[ZF_KEY_RANGES_MAX]);

#endif							/* ZF_KEYRANGE_H */
