/*-------------------------------------------------------------------------
 *
 * record_reader.c
 *	  Record framing: cut a byte stream into logical records.
 *
 * The reader keeps one buffer filled by large reads from its byte source
 * (at an offset when the source is ranged, as a regular file is; in order
 * otherwise, as from a pipe).  Records are handed out as pointers into
 * it; when a record crosses the end of the buffer, the unread tail is moved
 * to the front and the buffer is refilled, and a record larger than the
 * buffer makes the buffer grow to hold it (never beyond max_record_length
 * plus the descriptor).  Spanned records are assembled in a second buffer
 * bounded by max_record_length.
 *
 * Every step either consumes at least four bytes or fails, so bad input can
 * never make the reader loop.  The first error is remembered: later calls
 * return it again.
 *
 *-------------------------------------------------------------------------
 */
#include "records/record_reader.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records/descriptor.h"
#include "text/codepage.h"

#define NO_LIMIT	UINT64_MAX
#define INSPECT_HINT "zfdw.inspect_file() shows which record formats fit the file."

struct zf_reader
{
	zf_byte_source *src;
	int64_t		file_size;		/* -1 when the source has no size */
	bool		ranged;			/* read at offsets (else in order) */
	zf_reader_opts o;
	zf_dw_conv	rdw;			/* descriptor conventions, from o */
	zf_dw_conv	bdw;

	uint64_t	data_start;		/* after header_bytes */
	uint64_t	data_end;		/* before trailer_bytes; NO_LIMIT if unknown */
	uint64_t	read_limit;		/* never read at or past this offset */
	uint64_t	record_limit;	/* fb: records must start before this */

	uint8_t    *buf;
	size_t		cap;
	size_t		head;			/* next unconsumed byte */
	size_t		tail;			/* end of valid bytes */
	uint64_t	buf_off;		/* file offset of buf[0] */
	uint64_t	read_off;		/* file offset of the next read */
	bool		at_eof;			/* nothing more to read */

	uint64_t	recno;			/* records handed out (not fb) */

	/* vb_bdw and vbs with blocks */
	bool		in_block;
	uint64_t	block_off;
	uint64_t	block_end;

	/* vbs */
	uint8_t    *span;
	size_t		span_cap;
	size_t		span_len;
	bool		spanning;
	uint64_t	span_off;

	zf_status	failed;			/* ZF_OK until the first error */
	zf_error	error;			/* the first error */
};

/* Fill opts with the z/OS defaults. */
void
zf_reader_opts_init(zf_reader_opts *opts, zf_recfm recfm)
{
	memset(opts, 0, sizeof(*opts));
	opts->recfm = recfm;
	opts->rdw_big_endian = true;
	opts->rdw_includes_header = true;
	opts->bdw_big_endian = true;
	opts->bdw_includes_header = true;
	opts->text_terminator = ZF_ASCII_LF;
	opts->max_record_length = ZF_DEFAULT_MAX_RECORD;
	opts->buffer_size = ZF_DEFAULT_READ_BUFFER;
}

static inline uint64_t
reader_pos(const zf_reader *r)
{
	return r->buf_off + r->head;
}

static inline size_t
avail(const zf_reader *r)
{
	return r->tail - r->head;
}

/* The error for an fb file whose data is not a whole number of records. */
static zf_status
fb_size_error(zf_error *err, uint64_t data, const zf_reader_opts *o,
			  uint64_t data_start)
{
	uint64_t	rem = data % o->lrecl;

	zf_error_set(err, ZF_E_FRAMING,
				 "file size is not a multiple of the record length %" PRIu32,
				 o->lrecl);
	zf_error_detail(err, "The file holds %" PRIu64 " bytes of data (after %"
					PRIu64 " header and %" PRIu64 " trailer bytes): %" PRIu64
					" records of %" PRIu32 " bytes leave %" PRIu64
					" bytes over.",
					data, o->header_bytes, o->trailer_bytes, data / o->lrecl,
					o->lrecl, rem);
	zf_error_hint(err, "Check lrecl and recfm (a file with record descriptors "
				  "is not fb); " INSPECT_HINT);
	if (err)
		err->offset = (int64_t) (data_start + data - rem);
	return ZF_E_FRAMING;
}

/*
 * Check the option values against each other and against what the source
 * can do: trailer bytes need its size, record ranges ranged reads.
 */
static zf_status
check_opts(const zf_reader_opts *o, int64_t file_size, bool ranged,
		   zf_error *err)
{
	uint64_t	maxrec = o->max_record_length;

	if (o->recfm > ZF_RECFM_TEXT)
		return zf_error_set(err, ZF_E_ARG, "invalid record format %d",
							(int) o->recfm);
	if (o->recfm == ZF_RECFM_FB)
	{
		if (o->lrecl == 0)
			return zf_error_set(err, ZF_E_ARG, "recfm fb needs a record length (lrecl)");
		if (o->lrecl > maxrec)
		{
			zf_error_set(err, ZF_E_LIMIT,
						 "record length %" PRIu32 " exceeds the maximum record length %" PRIu64,
						 o->lrecl, maxrec);
			zf_error_limit(err, ZF_LIMIT_RECORD_LENGTH);
			return ZF_E_LIMIT;
		}
		if (o->range_start % o->lrecl != 0)
			return zf_error_set(err, ZF_E_ARG,
								"range start %" PRIu64 " is not a multiple of the record length %" PRIu32,
								o->range_start, o->lrecl);
	}
	else if (o->range_start != 0 || o->range_end != 0)
		return zf_error_set(err, ZF_E_ARG, "record ranges need recfm fb");
	if (o->range_end != 0 && o->range_end < o->range_start)
		return zf_error_set(err, ZF_E_ARG, "range end %" PRIu64 " is before range start %" PRIu64,
							o->range_end, o->range_start);
	if (file_size < 0 && o->trailer_bytes > 0)
		return zf_error_set(err, ZF_E_ARG,
							"file_trailer_bytes needs a regular file of known size");
	if ((file_size < 0 || !ranged) && (o->range_start != 0 || o->range_end != 0))
		return zf_error_set(err, ZF_E_ARG,
							"record ranges need a regular file of known size");
	return ZF_OK;
}

/* Start reading a byte source. */
zf_reader *
zf_reader_open(zf_byte_source *src, const zf_reader_opts *opts,
			   zf_error *err)
{
	zf_reader  *r;
	zf_reader_opts o;
	int64_t		file_size;
	bool		ranged;

	if (opts == NULL || src == NULL)
	{
		zf_error_set(err, ZF_E_ARG, "reader options or source are missing");
		return NULL;
	}
	o = *opts;
	if (o.max_record_length == 0)
		o.max_record_length = ZF_DEFAULT_MAX_RECORD;
	if (o.buffer_size == 0)
		o.buffer_size = ZF_DEFAULT_READ_BUFFER;
	file_size = zf_bytes_size(src);
	ranged = file_size >= 0 && (zf_bytes_caps(src) & ZF_BYTES_RANGED) != 0;
	if (check_opts(&o, file_size, ranged, err) != ZF_OK)
		return NULL;

	if (file_size >= 0 &&
		(o.header_bytes > (uint64_t) file_size ||
		 o.trailer_bytes > (uint64_t) file_size - o.header_bytes))
	{
		zf_error_set(err, ZF_E_FRAMING,
					 "file of %" PRId64 " bytes is shorter than its %" PRIu64
					 " header and %" PRIu64 " trailer bytes",
					 file_size, o.header_bytes, o.trailer_bytes);
		return NULL;
	}

	r = calloc(1, sizeof(zf_reader));
	if (r == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory opening the record reader");
		return NULL;
	}
	r->src = src;
	r->file_size = file_size;
	r->ranged = ranged;
	r->o = o;
	r->rdw.big_endian = o.rdw_big_endian;
	r->rdw.includes_header = o.rdw_includes_header;
	r->bdw.big_endian = o.bdw_big_endian;
	r->bdw.includes_header = o.bdw_includes_header;
	r->data_start = o.header_bytes;
	r->data_end = file_size >= 0 ? (uint64_t) file_size - o.trailer_bytes : NO_LIMIT;
	r->read_limit = r->data_end;
	r->record_limit = r->data_end;

	if (o.recfm == ZF_RECFM_FB && file_size >= 0)
	{
		uint64_t	data = r->data_end - r->data_start;

		if (data % o.lrecl != 0)
		{
			fb_size_error(err, data, &o, r->data_start);
			free(r);
			return NULL;
		}
		if (o.range_end != 0 && r->data_start + o.range_end < r->data_end)
		{
			uint64_t	last;

			r->record_limit = r->data_start + o.range_end;
			/* read up to the end of the last record that starts in range */
			last = (o.range_end + o.lrecl - 1) / o.lrecl * o.lrecl;
			r->read_limit = r->data_start + last;
			if (r->read_limit > r->data_end)
				r->read_limit = r->data_end;
		}
	}

	r->cap = o.buffer_size;
	r->buf = malloc(r->cap);
	if (r->buf == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory allocating a read buffer of %zu bytes",
					 r->cap);
		free(r);
		return NULL;
	}
	if (r->ranged)
		r->buf_off = r->read_off = r->data_start + o.range_start;
	else
		r->buf_off = r->read_off = 0;
	/* a range of records (a parallel worker's chunk): say which bytes */
	if (r->ranged && o.range_end != 0)
		zf_bytes_advise(src, r->read_off, r->read_limit);
	return r;
}

/* Remember the first error of the reader and pass it to the caller. */
static zf_status
fail(zf_reader *r, zf_status st, zf_error *err)
{
	r->failed = st;
	r->error.status = st;
	if (err != NULL)
		*err = r->error;
	return st;
}

/*
 * Make at least need bytes available at head, reading as much as fits.
 * Returns ZF_OK also when the input ends first: the caller compares
 * avail() with what it needed.  Errors go into r->error.
 */
static zf_status
fill(zf_reader *r, size_t need)
{
	while (avail(r) < need && !r->at_eof)
	{
		size_t		n;
		size_t		want;
		zf_status	st;

		if (r->cap - r->head < need ||
			(r->head > 0 && r->cap - r->tail < r->cap / 2))
		{
			/*
		 * Move the unread tail to the front, so that the next read is large,
		 * growing the buffer if the bytes needed cannot fit.
		 */
			size_t		left = avail(r);

			if (r->cap < need)
			{
				size_t		limit = (size_t) r->o.max_record_length + 16;
				size_t		newcap = r->cap * 2;
				uint8_t    *nb;

				if (newcap > limit)
					newcap = limit;
				if (newcap < need)
					newcap = need;
				nb = malloc(newcap);
				if (nb == NULL)
					return zf_error_set(&r->error, ZF_E_NOMEM,
										"out of memory growing the read buffer to %zu bytes",
										newcap);
				memcpy(nb, r->buf + r->head, left);
				free(r->buf);
				r->buf = nb;
				r->cap = newcap;
			}
			else
				memmove(r->buf, r->buf + r->head, left);
			r->buf_off += r->head;
			r->head = 0;
			r->tail = left;
		}
		want = r->cap - r->tail;
		if (r->read_off >= r->read_limit)
			want = 0;
		else if (r->read_limit - r->read_off < want)
			want = (size_t) (r->read_limit - r->read_off);
		if (want == 0)
		{
			r->at_eof = true;
			break;
		}
		if (r->ranged)
			st = zf_bytes_read_at(r->src, r->buf + r->tail, want, r->read_off,
								  &n, &r->error);
		else
			st = zf_bytes_read(r->src, r->buf + r->tail, want, &n, &r->error);
		if (st != ZF_OK && st != ZF_EOF)
			return st;
		if (st == ZF_EOF)
		{
			r->at_eof = true;
			if (r->file_size >= 0)
			{
				zf_error_set(&r->error, ZF_E_IO,
							 "file ended at byte %" PRIu64 ", before its size of %" PRId64 " bytes",
							 r->read_off, r->file_size);
				zf_error_hint(&r->error, "The file was changed while it was being read.");
				r->error.offset = (int64_t) r->read_off;
				return ZF_E_IO;
			}
			break;
		}
		r->tail += n;
		r->read_off += (uint64_t) n;
	}
	return ZF_OK;
}

/* Skip n bytes of the input (the header of a pipe, a null segment's block). */
static zf_status
skip(zf_reader *r, uint64_t n)
{
	while (n > 0)
	{
		size_t		chunk = n < r->cap ? (size_t) n : r->cap;
		zf_status	st = fill(r, chunk);

		if (st != ZF_OK)
			return st;
		if (avail(r) == 0)
			return ZF_EOF;
		if (chunk > avail(r))
			chunk = avail(r);
		r->head += chunk;
		n -= chunk;
	}
	return ZF_OK;
}

/*
 * Report a broken descriptor: "invalid record descriptor at byte offset N"
 * with the four bytes found and what was expected.
 */
static zf_status
descriptor_error(zf_reader *r, zf_status st, const char *what, uint64_t off,
				 const uint8_t *raw, const char *hint, const char *fmt,...)
	__attribute__((format(printf, 7, 8)));

static zf_status
descriptor_error(zf_reader *r, zf_status st, const char *what, uint64_t off,
				 const uint8_t *raw, const char *hint, const char *fmt,...)
{
	char		hex[32];
	char		why[256];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	zf_hex(hex, sizeof(hex), raw, 4, 4);
	zf_error_set(&r->error, st, "invalid %s at byte offset %" PRIu64, what, off);
	zf_error_detail(&r->error, "Found X'%s': %s.", hex, why);
	zf_error_hint(&r->error, "%s", hint ? hint : INSPECT_HINT);
	r->error.offset = (int64_t) off;
	return st;
}

/* The error for input that ends inside a record or descriptor. */
static zf_status
truncated_error(zf_reader *r, const char *what, uint64_t off, uint64_t want,
				uint64_t have)
{
	zf_error_set(&r->error, ZF_E_FRAMING,
				 "%s at byte offset %" PRIu64 " is truncated: %" PRIu64
				 " bytes missing",
				 what, off, want - have);
	zf_error_detail(&r->error, "It needs %" PRIu64 " bytes but only %" PRIu64
					" are left in the file.", want, have);
	zf_error_hint(&r->error, "The file may be incomplete, or its record format "
				  "may be wrong; " INSPECT_HINT);
	r->error.offset = (int64_t) off;
	return ZF_E_FRAMING;
}

/* The error for input that ends inside a block (size unknown: a pipe). */
static zf_status
truncated_block(zf_reader *r)
{
	return truncated_error(r, "block", r->block_off,
						   r->block_end - r->block_off,
						   reader_pos(r) - r->block_off);
}

/*
 * Read a record or segment descriptor at the current position (4 bytes
 * must be available) and return the length of the data after it.  With
 * spanned, the third byte may hold a segment code (returned in *code).
 */
static zf_status
parse_rdw(zf_reader *r, bool spanned, uint32_t *datalen, int *code)
{
	const uint8_t *raw = r->buf + r->head;
	uint64_t	off = reader_pos(r);
	const char *what = spanned ? "segment descriptor" : "record descriptor";
	const char *hint = NULL;
	zf_dw		dw;

	switch (zf_dw_record(raw, r->rdw, spanned, &dw))
	{
		case ZF_DW_OK:
			break;
		case ZF_DW_NOT_SEGMENT:
			return descriptor_error(r, ZF_E_FRAMING, what, off, raw, NULL,
									"after the length a segment descriptor has a segment code 0 to 3 and a zero byte");
		case ZF_DW_NOT_ZERO:
			if (dw.word[2] <= 3 && dw.word[3] == 0)
				hint = "The third byte looks like a spanned segment code: try recfm 'vbs'.";
			else if (r->o.rdw_big_endian && raw[0] == 0 && raw[1] == 0)
				hint = "The descriptor looks little-endian: try rdw_byte_order 'little'.";
			return descriptor_error(r, ZF_E_FRAMING, what, off, raw, hint,
									"a record descriptor has two zero bytes after the length");
		case ZF_DW_ZERO_LENGTH:
			return descriptor_error(r, ZF_E_FRAMING, what, off, raw, NULL,
									"the length is zero");
		case ZF_DW_SHORT:
			return descriptor_error(r, ZF_E_FRAMING, what, off, raw,
									"If the length excludes the descriptor, try rdw_includes_header 'false'.",
									"length %" PRIu64 " is less than the 4 bytes of the descriptor itself",
									dw.length);
	}
	*code = dw.segment;
	*datalen = (uint32_t) dw.data;
	if (!spanned && *datalen > r->o.max_record_length)
	{
		char		hex[32];

		zf_hex(hex, sizeof(hex), raw, 4, 4);
		zf_error_set(&r->error, ZF_E_LIMIT,
					 "record at byte offset %" PRIu64 " is longer than the maximum record length %" PRIu32,
					 off, r->o.max_record_length);
		zf_error_detail(&r->error, "Its descriptor X'%s' gives %" PRIu32 " bytes of data.",
						hex, *datalen);
		zf_error_hint(&r->error, "Raise max_record_length if the record is genuine.");
		r->error.offset = (int64_t) off;
		zf_error_limit(&r->error, ZF_LIMIT_RECORD_LENGTH);
		return ZF_E_LIMIT;
	}
	return ZF_OK;
}

/*
 * Start a block: read and check the BDW at the current position.  Returns
 * ZF_EOF at a clean end of input.
 */
static zf_status
open_block(zf_reader *r)
{
	uint64_t	off = reader_pos(r);
	const uint8_t *raw;
	zf_dw		dw;
	uint64_t	len;
	uint64_t	data;
	zf_status	st;

	if ((st = fill(r, 4)) != ZF_OK)
		return st;
	if (avail(r) == 0)
		return ZF_EOF;
	if (avail(r) < 4)
		return truncated_error(r, "block descriptor", off, 4, avail(r));
	raw = r->buf + r->head;
	switch (zf_dw_block(raw, r->bdw, &dw))
	{
		case ZF_DW_OK:
			break;
		case ZF_DW_NOT_ZERO:
			return descriptor_error(r, ZF_E_FRAMING, "block descriptor", off, raw,
									r->o.bdw_big_endian && raw[0] == 0 && raw[1] == 0 ?
									"The descriptor looks little-endian: set the BDW byte order to little." :
									NULL,
									"a block descriptor without the extended bit has two zero bytes after the length");
		default:
			if (r->o.bdw_includes_header)
				return descriptor_error(r, ZF_E_FRAMING, "block descriptor", off, raw, NULL,
										"block length %" PRIu64 " is less than 8, the smallest block (descriptor and one empty record)",
										dw.length);
			return descriptor_error(r, ZF_E_FRAMING, "block descriptor", off, raw, NULL,
									"block length %" PRIu64 " cannot hold a record descriptor",
									dw.length);
	}
	len = dw.length;
	data = dw.data;
	if (r->data_end != NO_LIMIT && data > r->data_end - off - 4)
		return descriptor_error(r, ZF_E_FRAMING, "block descriptor", off, raw, NULL,
								"block length %" PRIu64 " runs %" PRIu64 " bytes past the end of the file",
								len, data - (r->data_end - off - 4));
	r->head += 4;
	r->in_block = true;
	r->block_off = off;
	r->block_end = off + 4 + data;
	return ZF_OK;
}

/*
 * Position at the next descriptor inside blocks: open a new block when the
 * current one is used up.  ZF_EOF at a clean end.
 */
static zf_status
next_in_block(zf_reader *r)
{
	for (;;)
	{
		uint64_t	pos = reader_pos(r);
		zf_status	st;

		if (r->in_block && pos < r->block_end)
		{
			uint64_t	left = r->block_end - pos;

			if (left < 4)
			{
				zf_error_set(&r->error, ZF_E_FRAMING,
							 "block at byte offset %" PRIu64 " ends with %" PRIu64
							 " bytes that cannot hold a descriptor",
							 r->block_off, left);
				zf_error_detail(&r->error, "The block ends at byte offset %" PRIu64
								"; the records in it end at %" PRIu64 ".",
								r->block_end, pos);
				zf_error_hint(&r->error, INSPECT_HINT);
				r->error.offset = (int64_t) pos;
				return ZF_E_FRAMING;
			}
			return ZF_OK;
		}
		r->in_block = false;
		if ((st = open_block(r)) != ZF_OK)
			return st;
	}
}

/* Make sure the descriptor's data fits its block, when in one. */
static zf_status
check_in_block(zf_reader *r, const char *what, uint64_t total)
{
	uint64_t	pos = reader_pos(r);

	if (!r->in_block || total <= r->block_end - pos)
		return ZF_OK;
	return descriptor_error(r, ZF_E_FRAMING, what, pos, r->buf + r->head, NULL,
							"the %" PRIu64 " bytes it covers run past the end of its block "
							"(block at byte offset %" PRIu64 " ends at %" PRIu64 ")",
							total, r->block_off, r->block_end);
}

/* fb: the next fixed-length record. */
static zf_status
next_fb(zf_reader *r, zf_record *rec)
{
	uint64_t	off = reader_pos(r);
	uint32_t	lrecl = r->o.lrecl;
	zf_status	st;

	if (off >= r->record_limit)
		return ZF_EOF;
	if ((st = fill(r, lrecl)) != ZF_OK)
		return st;
	if (avail(r) == 0)
		return ZF_EOF;
	if (avail(r) < lrecl)
		return truncated_error(r, "last record", off, lrecl, avail(r));
	rec->data = r->buf + r->head;
	rec->length = lrecl;
	rec->offset = off;
	rec->number = (off - r->data_start) / lrecl + 1 + r->o.number_base;
	r->head += lrecl;
	return ZF_OK;
}

/* vb and vb_bdw: the next RDW record. */
static zf_status
next_vb(zf_reader *r, zf_record *rec)
{
	uint64_t	off;
	uint32_t	len;
	int			code;
	zf_status	st;

	if (r->o.recfm == ZF_RECFM_VB_BDW)
	{
		if ((st = next_in_block(r)) != ZF_OK)
			return st;
	}
	off = reader_pos(r);
	if ((st = fill(r, 4)) != ZF_OK)
		return st;
	if (avail(r) == 0)
		return r->in_block ? truncated_block(r) : ZF_EOF;
	if (avail(r) < 4)
		return truncated_error(r, "record descriptor", off, 4, avail(r));
	if ((st = parse_rdw(r, false, &len, &code)) != ZF_OK)
		return st;
	if ((st = check_in_block(r, "record descriptor", (uint64_t) len + 4)) != ZF_OK)
		return st;
	if ((st = fill(r, (size_t) len + 4)) != ZF_OK)
		return st;
	if (avail(r) < (size_t) len + 4)
		return truncated_error(r, "record", off, (uint64_t) len + 4, avail(r));
	rec->data = r->buf + r->head + 4;
	rec->length = len;
	rec->offset = off;
	rec->number = ++r->recno;
	r->head += (size_t) len + 4;
	return ZF_OK;
}

/*
 * vbs: the next segment, with its data left at r->buf + r->head + 4.
 * Null segments (BDW mode) are skipped with the rest of their block.
 */
static zf_status
next_segment(zf_reader *r, uint32_t *len, int *code, uint64_t *off)
{
	zf_status	st;

	for (;;)
	{
		if (r->o.vbs_has_bdw && (st = next_in_block(r)) != ZF_OK)
			return st;
		*off = reader_pos(r);
		if ((st = fill(r, 4)) != ZF_OK)
			return st;
		if (avail(r) == 0)
			return r->in_block ? truncated_block(r) : ZF_EOF;
		if (avail(r) < 4)
			return truncated_error(r, "segment descriptor", *off, 4, avail(r));
		if (r->o.vbs_has_bdw)
		{
			bool		well_formed;

			if (zf_dw_null_segment(r->buf + r->head, r->o.rdw_big_endian, &well_formed))
			{
				/* null segment: the rest of the block must be zeros */
				uint64_t	left = r->block_end - *off;
				const uint8_t *raw = r->buf + r->head;

				if (!well_formed)
					return descriptor_error(r, ZF_E_FRAMING, "segment descriptor", *off,
											raw, NULL,
											"a null segment descriptor is X'80' followed by zeros");
				while (left > 0)
				{
					size_t		chunk = left < r->cap ? (size_t) left : r->cap;

					if ((st = fill(r, chunk)) != ZF_OK)
						return st;
					if (avail(r) < chunk)
					{
						r->head += avail(r);
						return truncated_block(r);
					}
					for (size_t i = 0; i < chunk; i++)
						if (r->buf[r->head + i] != 0 && !(i == 0 && reader_pos(r) == *off))
						{
							uint64_t	at = reader_pos(r) + i;

							zf_error_set(&r->error, ZF_E_FRAMING,
										 "non-zero byte X'%02X' at byte offset %" PRIu64
										 " after a null segment",
										 r->buf[r->head + i], at);
							zf_error_detail(&r->error, "A null segment at byte offset %" PRIu64
											" ends its block; the rest of the block must be zeros.",
											*off);
							r->error.offset = (int64_t) at;
							return ZF_E_FRAMING;
						}
					r->head += chunk;
					left -= chunk;
				}
				continue;
			}
		}
		if ((st = parse_rdw(r, true, len, code)) != ZF_OK)
			return st;
		if ((st = check_in_block(r, "segment descriptor", (uint64_t) *len + 4)) != ZF_OK)
			return st;
		if (*len > r->o.max_record_length)
		{
			zf_error_set(&r->error, ZF_E_LIMIT,
						 "segment at byte offset %" PRIu64 " is longer than the maximum record length %" PRIu32,
						 *off, r->o.max_record_length);
			r->error.offset = (int64_t) *off;
			zf_error_limit(&r->error, ZF_LIMIT_RECORD_LENGTH);
			return ZF_E_LIMIT;
		}
		if ((st = fill(r, (size_t) *len + 4)) != ZF_OK)
			return st;
		if (avail(r) < (size_t) *len + 4)
			return truncated_error(r, "segment", *off, (uint64_t) *len + 4, avail(r));
		return ZF_OK;
	}
}

/* vbs: append a segment's data to the record being assembled. */
static zf_status
span_append(zf_reader *r, const uint8_t *data, uint32_t len)
{
	size_t		need = r->span_len + len;

	if (len == 0)
		return ZF_OK;			/* an empty segment: nothing to copy, maybe
								 * no buffer yet (NULL + 0 is undefined) */
	if (need > r->o.max_record_length)
	{
		zf_error_set(&r->error, ZF_E_LIMIT,
					 "spanned record at byte offset %" PRIu64 " is longer than the maximum record length %" PRIu32,
					 r->span_off, r->o.max_record_length);
		zf_error_hint(&r->error, "Raise max_record_length if the record is genuine.");
		r->error.offset = (int64_t) r->span_off;
		zf_error_limit(&r->error, ZF_LIMIT_RECORD_LENGTH);
		return ZF_E_LIMIT;
	}
	if (need > r->span_cap)
	{
		size_t		newcap = r->span_cap ? r->span_cap * 2 : 64 * 1024;
		uint8_t    *nb;

		if (newcap < need)
			newcap = need;
		if (newcap > r->o.max_record_length)
			newcap = r->o.max_record_length;
		nb = realloc(r->span, newcap);
		if (nb == NULL)
			return zf_error_set(&r->error, ZF_E_NOMEM,
								"out of memory assembling a spanned record of %zu bytes",
								need);
		r->span = nb;
		r->span_cap = newcap;
	}
	memcpy(r->span + r->span_len, data, len);
	r->span_len = need;
	return ZF_OK;
}

/* The error for segment codes out of order. */
static zf_status
segment_order_error(zf_reader *r, uint64_t off, const char *what)
{
	char		hex[32];

	zf_hex(hex, sizeof(hex), r->buf + r->head, 4, 4);
	zf_error_set(&r->error, ZF_E_FRAMING,
				 "spanned segments out of order at byte offset %" PRIu64, off);
	if (r->spanning)
		zf_error_detail(&r->error, "Found X'%s', %s, while the record begun at byte offset %"
						PRIu64 " still waits for its last segment.",
						hex, what, r->span_off);
	else
		zf_error_detail(&r->error, "Found X'%s', %s, without a first segment before it.",
						hex, what);
	zf_error_hint(&r->error, INSPECT_HINT);
	r->error.offset = (int64_t) off;
	return ZF_E_FRAMING;
}

/* vbs: the next logical record, joined from its segments. */
static zf_status
next_vbs(zf_reader *r, zf_record *rec)
{
	for (;;)
	{
		uint32_t	len;
		int			code;
		uint64_t	off;
		zf_status	st = next_segment(r, &len, &code, &off);
		const uint8_t *data;

		if (st == ZF_EOF && r->spanning)
		{
			zf_error_set(&r->error, ZF_E_FRAMING,
						 "spanned record at byte offset %" PRIu64 " is truncated: its last segment is missing",
						 r->span_off);
			zf_error_detail(&r->error, "The file ends after %zu bytes of the record.",
							r->span_len);
			r->error.offset = (int64_t) r->span_off;
			return ZF_E_FRAMING;
		}
		if (st != ZF_OK)
			return st;
		data = r->buf + r->head + 4;
		switch (code)
		{
			case 0:				/* complete record */
				if (r->spanning)
					return segment_order_error(r, off, "a complete record");
				rec->data = data;
				rec->length = len;
				rec->offset = off;
				rec->number = ++r->recno;
				r->head += (size_t) len + 4;
				return ZF_OK;
			case 1:				/* first segment */
				if (r->spanning)
					return segment_order_error(r, off, "a first segment");
				r->spanning = true;
				r->span_off = off;
				r->span_len = 0;
				break;
			case 3:				/* middle segment */
				if (!r->spanning)
					return segment_order_error(r, off, "a middle segment");
				break;
			case 2:				/* last segment */
				if (!r->spanning)
					return segment_order_error(r, off, "a last segment");
				break;
		}
		if ((st = span_append(r, data, len)) != ZF_OK)
			return st;
		r->head += (size_t) len + 4;
		if (code == 2)
		{
			r->spanning = false;
			rec->data = r->span;
			rec->length = (uint32_t) r->span_len;
			rec->offset = r->span_off;
			rec->number = ++r->recno;
			return ZF_OK;
		}
	}
}

/* text: the next line. */
static zf_status
next_text(zf_reader *r, zf_record *rec)
{
	uint8_t		term = r->o.text_terminator;
	size_t		scanned = 0;
	uint64_t	off = reader_pos(r);
	size_t		len;
	size_t		consumed;
	zf_status	st;

	for (;;)
	{
		const uint8_t *p = r->buf + r->head;
		const uint8_t *hit = memchr(p + scanned, term, avail(r) - scanned);

		if (hit != NULL)
		{
			len = (size_t) (hit - p);
			consumed = len + 1;
			break;
		}
		scanned = avail(r);
		if (r->at_eof)
		{
			if (scanned == 0)
				return ZF_EOF;
			len = consumed = scanned;
			break;
		}
		if (scanned > (size_t) r->o.max_record_length + 1)
		{
			zf_error_set(&r->error, ZF_E_LIMIT,
						 "text record at byte offset %" PRIu64 " is longer than the maximum record length %" PRIu32,
						 off, r->o.max_record_length);
			zf_error_detail(&r->error, "No terminator X'%02X' was found in the first %zu bytes.",
							term, scanned);
			zf_error_hint(&r->error, "EBCDIC text ends lines with X'15'; a binary file "
						  "is not recfm text. " INSPECT_HINT);
			r->error.offset = (int64_t) off;
			zf_error_limit(&r->error, ZF_LIMIT_RECORD_LENGTH);
			return ZF_E_LIMIT;
		}
		if ((st = fill(r, scanned + 1)) != ZF_OK)
			return st;
	}
	if (len > 0 && (term == ZF_ASCII_LF || term == ZF_EBCDIC_LF) &&
		r->buf[r->head + len - 1] == ZF_CR)
		len--;
	if (len > r->o.max_record_length)
	{
		zf_error_set(&r->error, ZF_E_LIMIT,
					 "text record at byte offset %" PRIu64 " is longer than the maximum record length %" PRIu32,
					 off, r->o.max_record_length);
		r->error.offset = (int64_t) off;
		zf_error_limit(&r->error, ZF_LIMIT_RECORD_LENGTH);
		return ZF_E_LIMIT;
	}
	rec->data = r->buf + r->head;
	rec->length = (uint32_t) len;
	rec->offset = off;
	rec->number = ++r->recno;
	r->head += consumed;
	return ZF_OK;
}

/* The next record, or ZF_EOF, or the reader's (first) error. */
zf_status
zf_reader_next(zf_reader *r, zf_record *rec, zf_error *err)
{
	zf_status	st = ZF_OK;

	if (r->failed != ZF_OK)
		return fail(r, r->failed, err);

	/* read in order, header bytes are read and dropped on the first call */
	if (!r->ranged && r->data_start > 0 && reader_pos(r) < r->data_start)
	{
		st = skip(r, r->data_start - reader_pos(r));
		if (st == ZF_EOF)
		{
			zf_error_set(&r->error, ZF_E_FRAMING,
						 "input ended within its %" PRIu64 " header bytes",
						 r->data_start);
			r->error.offset = (int64_t) reader_pos(r);
			st = ZF_E_FRAMING;
		}
		if (st != ZF_OK)
			return fail(r, st, err);
	}

	switch (r->o.recfm)
	{
		case ZF_RECFM_FB:
			st = next_fb(r, rec);
			break;
		case ZF_RECFM_VB:
		case ZF_RECFM_VB_BDW:
			st = next_vb(r, rec);
			break;
		case ZF_RECFM_VBS:
			st = next_vbs(r, rec);
			break;
		case ZF_RECFM_TEXT:
			st = next_text(r, rec);
			break;
	}
	if (st != ZF_OK && st != ZF_EOF)
		return fail(r, st, err);
	return st;
}

/*
 * The next run of records: for fb, the first record as next_fb finds it
 * and every further whole record the buffer already holds, up to the
 * record limit of a range read; for the other formats one record.
 */
zf_status
zf_reader_next_run(zf_reader *r, zf_record *first, uint32_t *count,
				   zf_error *err)
{
	zf_status	st;
	uint64_t	in_buffer;
	uint64_t	before_limit;
	uint32_t	lrecl;

	st = zf_reader_next(r, first, err);
	*count = st == ZF_OK ? 1 : 0;
	if (st != ZF_OK || r->o.recfm != ZF_RECFM_FB)
		return st;

	/* records starting before record_limit, beyond the first one */
	lrecl = r->o.lrecl;
	in_buffer = avail(r) / lrecl;
	if (reader_pos(r) >= r->record_limit)
		before_limit = 0;
	else
		before_limit = (r->record_limit - reader_pos(r) - 1) / lrecl + 1;
	if (in_buffer > before_limit)
		in_buffer = before_limit;
	if (in_buffer > UINT32_MAX - 1)
		in_buffer = UINT32_MAX - 1;
	r->head += (size_t) in_buffer * lrecl;
	*count += (uint32_t) in_buffer;
	return ZF_OK;
}

/* fb on a regular file: make record_index the next record returned. */
zf_status
zf_reader_seek_record(zf_reader *r, uint64_t record_index, zf_error *err)
{
	uint64_t	off;
	uint64_t	nrec;

	if (r->failed != ZF_OK)
		return fail(r, r->failed, err);
	if (r->o.recfm != ZF_RECFM_FB)
		return zf_error_set(err, ZF_E_ARG, "seeking to a record needs recfm fb");
	if (!r->ranged)
		return zf_error_set(err, ZF_E_ARG, "seeking to a record needs a regular file");
	nrec = (r->data_end - r->data_start) / r->o.lrecl;
	if (record_index > nrec)
		record_index = nrec;
	off = r->data_start + record_index * r->o.lrecl;
	if (off >= r->buf_off && off <= r->buf_off + r->tail)
		r->head = (size_t) (off - r->buf_off);
	else
	{
		r->head = r->tail = 0;
		r->buf_off = r->read_off = off;
		r->at_eof = false;
	}
	return ZF_OK;
}

/* Record count of an fb file from its size. */
zf_status
zf_fb_record_count(int64_t file_size, const zf_reader_opts *opts,
				   uint64_t *count, zf_error *err)
{
	uint64_t	data;

	if (opts->lrecl == 0)
		return zf_error_set(err, ZF_E_ARG, "recfm fb needs a record length (lrecl)");
	if (file_size < 0)
		return zf_error_set(err, ZF_E_ARG, "counting records needs a file of known size");
	if (opts->header_bytes > (uint64_t) file_size ||
		opts->trailer_bytes > (uint64_t) file_size - opts->header_bytes)
		return zf_error_set(err, ZF_E_FRAMING,
							"file of %" PRId64 " bytes is shorter than its %" PRIu64
							" header and %" PRIu64 " trailer bytes",
							file_size, opts->header_bytes, opts->trailer_bytes);
	data = (uint64_t) file_size - opts->header_bytes - opts->trailer_bytes;
	if (data % opts->lrecl != 0)
		return fb_size_error(err, data, opts, opts->header_bytes);
	*count = data / opts->lrecl;
	return ZF_OK;
}

uint64_t
zf_reader_position(const zf_reader *r)
{
	return reader_pos(r);
}

void
zf_reader_close(zf_reader *r)
{
	if (r == NULL)
		return;
	free(r->buf);
	free(r->span);
	free(r);
}
