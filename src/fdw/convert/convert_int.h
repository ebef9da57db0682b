/*-------------------------------------------------------------------------
 *
 * convert_int.h
 *	  Declarations shared by the files that build a column's Datum from
 *	  the bytes of a record; the rest of the fdw uses zfdw.h.
 *
 * The conversion is split by concern:
 *	  convert.c			the per-record dispatch: decode buffer, locating
 *						fields, core's reader of each column, meta
 *						columns, arrays
 *	  convert_number.c	numbers: fixed point, floats, TOD clocks, DECFLOAT
 *	  convert_text.c	character data, decimal text, dates and times
 *	  convert_json.c	groups as jsonb
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_CONVERT_INT_H
#define ZFDW_CONVERT_INT_H

#include "zfdw.h"

/* convert.c */
extern char *zfdw_text_space(ZfDecodeBuf *buf, size_t n);
extern bool zfdw_locate(ZfTable *t, const ZfRecordRef *rec, int32 fi,
						const uint32 *idx, int ndims, uint32 *off,
						uint32 *len, zf_error *err);

/* convert_number.c */
extern bool zfdw_float_datum(ZfColumn *col, double d, Datum *value,
							 zf_error *err);
extern bool zfdw_decode_float(ZfColumn *col, const uint8 *p, uint32 len,
							  Datum *value, zf_error *err);
extern bool zfdw_decode_tod(ZfColumn *col, const uint8 *p, uint32 len,
							Datum *value, zf_error *err);
extern bool zfdw_decode_decfloat(ZfColumn *col, const uint8 *p, uint32 len,
								 Datum *value, zf_error *err);

/* convert_text.c */
extern bool zfdw_decode_chars(const zf_field_reader *r, const uint8 *p,
							  uint32 len, ZfDecodeBuf *buf,
							  const char **out, size_t *outlen,
							  zf_error *err);
extern bool zfdw_datetime_datum(ZfColumn *col, const zf_datetime *dt,
								Datum *value, zf_error *err);

/* convert_json.c: append the JSON of one field (and its children) */
extern bool zfdw_json_field(ZfTable *t, ZfColumn *col,
							const ZfRecordRef *rec, int32 fi, uint32 *idx,
							int depth, ZfDecodeBuf *buf, zf_error *err,
							uint32 *eoff, uint32 *elen);

#endif							/* ZFDW_CONVERT_INT_H */
