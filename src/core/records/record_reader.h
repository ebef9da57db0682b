/*-------------------------------------------------------------------------
 *
 * record_reader.h
 *	  Record framing: cut a byte stream into logical records.
 *
 * Formats, with their z/OS names:
 *	 fb		 fixed-length records, no descriptors (RECFM F/FB)
 *	 vb		 each record preceded by a 4-byte RDW: 2-byte length, 2 zero
 *			 bytes (RECFM V/VB transferred with RDW)
 *	 vb_bdw	 blocks preceded by a 4-byte BDW holding RDW records (RECFM VB
 *			 transferred as-is).  A BDW whose high bit is 0 has a 15-bit
 *			 length in its first two bytes and two zero bytes; one whose
 *			 high bit is 1 is an extended BDW (large block interface) whose
 *			 other 31 bits are the length (z/OS DFSMS "Block Descriptor
 *			 Word")
 *	 vbs	 spanned: each segment has a 4-byte SDW whose third byte says
 *			 complete (0), first (1), last (2) or middle (3); segments are
 *			 joined into one logical record (RECFM VBS); optionally in BDW
 *			 blocks, where an SDW with its high bit set is a null segment
 *			 that ends the block (the rest of the block must be zeros)
 *	 text	 records ended by a terminator byte (LF; EBCDIC NL X'15'); a CR
 *			 (X'0D') before an LF terminator (X'0A', or EBCDIC LF X'25') is
 *			 dropped; a last line without terminator is still a record
 *
 * Descriptor words (their byte orders and length conventions) are decoded
 * by records/descriptor.h.  A descriptor with length 0 is never a record:
 * it is reported as broken.
 *
 * The reader takes its bytes from a byte source (io/byte_source.h): a
 * file, a program's output, or whatever is stacked beneath.  It reads with
 * large reads into one buffer and hands out records by pointer into it
 * (valid until the next call).  Spanned records are assembled in a second
 * buffer.  Memory is bounded by the buffer size plus max_record_length.
 * Every framing error names the byte offset and shows the bytes found
 * there.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_RECORD_H
#define ZF_RECORD_H

#include "base/status.h"
#include "io/byte_source.h"

typedef enum zf_recfm
{
	ZF_RECFM_FB = 0,
	ZF_RECFM_VB,
	ZF_RECFM_VB_BDW,
	ZF_RECFM_VBS,
	ZF_RECFM_TEXT
} zf_recfm;

#define ZF_DEFAULT_MAX_RECORD	(16 * 1024 * 1024)
#define ZF_DEFAULT_READ_BUFFER	(1024 * 1024)

typedef struct zf_reader_opts
{
	zf_recfm	recfm;
	uint32_t	lrecl;			/* fb: the record length (required) */
	bool		rdw_big_endian; /* RDW/SDW byte order; z/OS: true */
	bool		rdw_includes_header;	/* length counts the 4 bytes; z/OS: true */
	bool		bdw_big_endian; /* the same for BDWs (vb_bdw, vbs with BDW); */
	bool		bdw_includes_header;	/* some tools mix orders (Cobrix d02) */
	bool		vbs_has_bdw;	/* vbs: segments are inside BDW blocks */
	uint64_t	header_bytes;	/* skipped at the start of the file */
	uint64_t	trailer_bytes;	/* ignored at the end (needs a known size) */
	uint64_t	number_base;	/* fb: added to record numbers (a share of
								 * a file reads a window of it through
								 * header_bytes and trailer_bytes, and
								 * numbers its records as the whole file
								 * does) */
	uint8_t		text_terminator;	/* text: 0x0A (default) or 0x15 */
	uint32_t	max_record_length;	/* hard limit; 0 = ZF_DEFAULT_MAX_RECORD */
	size_t		buffer_size;	/* read size; 0 = ZF_DEFAULT_READ_BUFFER */

	/*
	 * A sub-range of the file, for parallel scans and key seeks of fb files:
	 * records whose first byte lies in [range_start, range_end) relative to
	 * the data start (after header_bytes).  range_end 0 = to the end.
	 * range_start must be a multiple of lrecl.
	 */
	uint64_t	range_start;
	uint64_t	range_end;
} zf_reader_opts;

/*
 * Fill opts with the z/OS defaults for a recfm: descriptors big-endian and
 * counting their own bytes, text terminator X'0A', default limits.  The
 * bdw_* fields are independent of the rdw_* ones: a caller that changes the
 * RDW conventions and wants the same for BDWs sets both.
 */
extern void zf_reader_opts_init(zf_reader_opts *opts, zf_recfm recfm);

/* One logical record, as handed out by the reader. */
typedef struct zf_record
{
	const uint8_t *data;		/* the record's bytes, descriptors excluded */
	uint32_t	length;
	uint64_t	number;			/* 1-based position in the file */
	uint64_t	offset;			/* byte offset in the file of its first
								 * descriptor (vb) or first byte (fb, text) */
} zf_record;

typedef struct zf_reader zf_reader;

/*
 * Start reading a byte source (the reader never closes it).  A ranged
 * source (a regular file) is read at offsets, so that several readers in
 * turn may share it; any other from its current position, which must be
 * its start.  trailer_bytes needs the source's size, record ranges and
 * seeks a sized, ranged source.
 */
extern zf_reader *zf_reader_open(zf_byte_source *src,
								 const zf_reader_opts *opts, zf_error *err);

/*
 * Next record: ZF_OK with *rec filled, ZF_EOF at the end, or an error
 * (ZF_E_FRAMING with err->offset and the bytes found in err->detail; ZF_E_IO
 * with sys_errno; ZF_E_LIMIT for a record above max_record_length).  After
 * an error the reader stays in the error state.
 */
extern zf_status zf_reader_next(zf_reader *r, zf_record *rec, zf_error *err);

/*
 * The next run of records: like zf_reader_next for the first one, and
 * *count (at least 1) records in all, lying one after the other in the
 * reader's buffer.  fb hands out every whole record already read, so the
 * caller steps through them by pointer (data += length, number++, offset
 * += length) without a call per record; other formats give one.  The
 * bytes stay valid until the next call on the reader.
 */
extern zf_status zf_reader_next_run(zf_reader *r, zf_record *first,
									uint32_t *count, zf_error *err);

/*
 * fb on a ranged source: position so that the next record returned is the
 * one with 0-based index record_index (used by key seeks and rescans).
 */
extern zf_status zf_reader_seek_record(zf_reader *r, uint64_t record_index,
									   zf_error *err);

/* Number of records of an fb file from its size (after header/trailer). */
extern zf_status zf_fb_record_count(int64_t file_size,
									const zf_reader_opts *opts,
									uint64_t *count, zf_error *err);

/*
 * Bytes consumed from the file so far: the file offset just past the last
 * record handed out (including header bytes skipped).
 */
extern uint64_t zf_reader_position(const zf_reader *r);

extern void zf_reader_close(zf_reader *r);

#endif							/* ZF_RECORD_H */
