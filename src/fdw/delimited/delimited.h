/*-------------------------------------------------------------------------
 *
 * delimited.h
 *	  The state of format 'delimited', shared by delimited_bind.c (how
 *	  columns find their fields), delimited_scan.c (records, headers,
 *	  malformed records, EXPLAIN) and delimited_values.c (field values).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_DELIMITED_H
#define ZFDW_DELIMITED_H

#include "zfdw.h"

#include "records/delimited.h"

#define INITIAL_FIELDS	64
#define NOMINAL_FIELD_BYTES 8	/* bytes per field, for row estimates */

/* How one column finds its field. */
typedef struct ZfDelimColumn
{
	bool		data;			/* a column that reads a field (not meta) */
	int32		fieldno;		/* 0-based field of the record, -1 unbound */
	int32		positional;		/* its field when columns go in order */
	bool		numbered;		/* field option gave a number */
	const char *match_name;		/* to find in the header, or NULL */
	bool		explicit_name;	/* match_name came from the field option */
	zf_field	field;			/* what conversions and messages see */
} ZfDelimColumn;

struct ZfDelimited
{
	MemoryContext cxt;			/* the scan's: buffers, header names */
	zf_delim_opts opts;
	const char *delimiter_text;
	const char *quote_text;
	uint8	   *null_bytes;		/* the null string in the page, or NULL:
								 * an empty unquoted field is NULL */
	size_t		null_len;
	bool		header;
	bool		trim_given;		/* a table or server trim option */
	int32		expected;		/* fields per record, -1 unknown */
	bool		fixed_padding;	/* fb: trailing blanks pad the record */
	bool		join_lines;		/* text framing */
	uint8		terminator;
	bool		utf8;			/* a UTF-8 file may start with a BOM */
	bool		pending_eof;	/* a joined record used up the file */

	/* segment filter: records whose field holds these bytes */
	int32		segment_column; /* column index, or -1 */
	int32		segment_fieldno;	/* when given as a number */
	uint8	   *segment_bytes;
	size_t		segment_len;

	ZfDelimColumn *cols;		/* one per attribute */
	int			ncols;

	/* the current record */
	zf_delim_field *fields;
	uint32		maxfields;
	uint32		nfields;
	uint8	   *scratch;		/* unquoted values */
	size_t		scratchcap;
	uint8	   *join;			/* joined lines */
	size_t		joincap;
};

extern bool zfdw_delim_option_given(List *options, const char *name);
extern uint8 *zfdw_delim_space(ZfDelimited *d, uint8 **buf, size_t *cap,
							   size_t n);
extern const uint8 *zfdw_delim_field_bytes(ZfDelimited *d, const uint8 *data,
										   uint32 k, uint32 *len);

#endif							/* ZFDW_DELIMITED_H */
