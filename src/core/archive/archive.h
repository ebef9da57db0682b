/*-------------------------------------------------------------------------
 *
 * archive.h
 *	  Mainframe archives read in place: virtual tape images (AWSTAPE and
 *	  its compressed form HET) and TSO TRANSMIT (NETDATA, "XMIT") files,
 *	  with the IEBCOPY unload format of partitioned data sets inside either.
 *
 * Each archive is a byte source (io/byte_source.h) stacked over any inner
 * source (a file, a decompressor, an object): it hands out the bytes of
 * one data set (or of members of a library), re-framed so that the record
 * reader (records/record_reader.h) can cut them:
 *
 *	 data set RECFM	 what the source hands out			  reader recfm
 *	 F, FB			 the blocks' bytes back to back			  fb
 *	 V, VB			 each block without its BDW (RDWs)		  vb
 *	 VS, VBS		 each block without its BDW (SDWs)		  vbs
 *	 U				 each block (a record) behind an RDW	  vb
 *
 * Every block is checked before it is handed out: an F block is a whole
 * number of records, a V block's BDW equals its length and its RDW or SDW
 * chain ends exactly at its end, so that a record never silently crosses
 * a block boundary.
 *
 * The labels and control records that describe a data set (tape HDR1 and
 * HDR2; XMIT INMR02; IEBCOPY COPYR1 and the directory) are read by the
 * functions below, for the defaults of a scan and for the listing
 * functions.  Errors are values; every length, count and offset of a
 * header, label, text unit or directory block is checked.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_ARCHIVE_H
#define ZF_ARCHIVE_H

#include "base/status.h"
#include "io/byte_source.h"
#include "records/record_reader.h"

/* The kinds of container. */
typedef enum zf_container
{
	ZF_CONTAINER_NONE = 0,
	ZF_CONTAINER_AWSTAPE,		/* AWSTAPE or HET: the same block headers */
	ZF_CONTAINER_HET,
	ZF_CONTAINER_XMIT,
	ZF_CONTAINER_IEBCOPY		/* a standalone IEBCOPY unload */
} zf_container;

/* Largest tape block (AWSTAPE/HET: 16-bit chunk lengths, hetlib's limit). */
#define ZF_TAPE_MAX_BLOCK	65535
/* Largest NETDATA logical record assembled from segments. */
#define ZF_XMIT_MAX_RECORD	(1024 * 1024)

/* A data set's record format, as the labels give it. */
typedef struct zf_dsformat
{
	char		recfm[5];		/* "F", "FB", "V", "VB", "VS", "VBS", "U",
								 * with A or M appended for control chars;
								 * "" when unknown */
	uint32_t	lrecl;			/* 0 when unknown */
	uint32_t	blksize;		/* 0 when unknown */
} zf_dsformat;

/* The reader recfm for a data set's RECFM: fb, vb (V and U) or vbs. */
typedef enum zf_ds_framing
{
	ZF_DS_FIXED = 0,			/* F, FB */
	ZF_DS_VARIABLE,				/* V, VB */
	ZF_DS_SPANNED,				/* VS, VBS */
	ZF_DS_UNDEFINED				/* U */
} zf_ds_framing;

/* The framing of a RECFM text such as "FB" or "VBS"; false if unknown. */
extern bool zf_ds_framing_of(const char *recfm, zf_ds_framing *out);

/*
 * The record reader's recfm for what an archive source hands out: a
 * tape's data set (members false), an XMIT's sequential data set (xmit
 * true), or members of a library.  False for a RECFM zfdw does not read.
 */
extern bool zf_archive_reader_recfm(const char *recfm, bool xmit,
									bool members, zf_recfm *out);

/* ---- tape images ---- */

/* What the labels say about one file of a tape (zeros when unlabeled). */
typedef struct zf_tape_file
{
	uint32_t	seq;			/* file sequence number (HDR1, else position) */
	bool		labeled;
	char		dsname[18];		/* HDR1 data set identifier, blanks trimmed */
	char		volser[7];		/* VOL1 volume serial */
	char		dsserial[7];	/* HDR1 data set serial (first volume) */
	uint32_t	volseq;			/* HDR1 volume sequence number */
	char		created[7];		/* HDR1 creation date cyyddd, as written */
	char		syscode[14];	/* HDR1 system code, blanks trimmed */
	char		jobstep[18];	/* HDR2 job/step, blanks trimmed */
	zf_dsformat fmt;			/* HDR2 RECFM (+ block attribute), LRECL,
								 * BLKSIZE */
	uint64_t	label_blocks;	/* EOF1/EOV1 block count, or -1 unknown */
	bool		continued;		/* trailer is EOV: continued on the next
								 * volume */
	uint64_t	blocks;			/* data blocks counted on this volume */
	uint64_t	bytes;			/* their bytes (decompressed) */
	uint32_t	min_block;
	uint32_t	max_block;
	bool		compressed;		/* some data block of the file was zlib- or
								 * bzip2-compressed */
} zf_tape_file;

/* The blocks of a tape image, one by one. */
typedef struct zf_tape zf_tape;

/* What zf_tape_next found. */
typedef enum zf_tape_item
{
	ZF_TAPE_BLOCK = 0,			/* a data block (data, len >= 1) */
	ZF_TAPE_MARK,				/* a tape mark */
	ZF_TAPE_END					/* the end of the image */
} zf_tape_item;

/*
 * Read an image's blocks from inner (read in order from its current
 * position; never closed here).  HET blocks compressed with zlib or bzip2
 * are inflated (to at most ZF_TAPE_MAX_BLOCK bytes).
 */
extern zf_tape *zf_tape_open(zf_byte_source *inner, zf_error *err);
extern zf_status zf_tape_next(zf_tape *t, zf_tape_item *item,
							  const uint8_t **data, uint32_t *len,
							  zf_error *err);
/* The image offset of the header of the last item returned. */
extern uint64_t zf_tape_item_offset(const zf_tape *t);
/* The image offset of the next header to read. */
extern uint64_t zf_tape_position(const zf_tape *t);
/* True once a compressed block was read. */
extern bool zf_tape_saw_compression(const zf_tape *t);
/* The number of compressed blocks read so far. */
extern uint64_t zf_tape_compressed_blocks(const zf_tape *t);
extern void zf_tape_close(zf_tape *t);

/*
 * True when the first bytes of a file are an AWSTAPE/HET block header
 * that a plain file is most unlikely to start with: a first chunk (flag
 * BOR, or a tape mark), previous length 0, no unknown flag bits, and a
 * second header where the first says (when n reaches it).
 */
extern bool zf_tape_detect(const uint8_t *p, size_t n);

/* List the files of an image (zf_tape_contents): called once per file. */
typedef zf_status (*zf_tape_file_cb) (void *arg, const zf_tape_file *f,
									  zf_error *err);
extern zf_status zf_tape_contents(zf_byte_source *inner, zf_tape_file_cb cb,
								  void *arg, zf_error *err);

/* Which data set of a tape a source reads, and how. */
typedef struct zf_tape_opts
{
	uint32_t	file;			/* file sequence number; 0: by dsname, or 1 */
	const char *dsname;			/* HDR1 name (the last 17 characters are
								 * compared), or NULL */
	const char *recfm;			/* the RECFM to deblock with, overriding
								 * HDR2 ("F", "V", "VS", "U" ...) or NULL */
	uint32_t	lrecl;			/* overrides HDR2; 0: HDR2's */
	const char *member;			/* the data set is an IEBCOPY unload (VS):
								 * read these members (a glob) */
	/*
	 * The next volume, when the data set ends with an EOV trailer (it is
	 * continued): a source of the next image, or NULL when there is none.
	 */
	zf_byte_source *(*next_volume) (void *arg, zf_error *err);
	void	   *next_volume_arg;
	/*
	 * Why the caller does not want a fixed-length data set mapped for
	 * reads at offsets (an object, whose block headers would cost a
	 * request each), or NULL: then it is mapped where it can be.
	 */
	const char *no_map;
} zf_tape_opts;

/*
 * Find the data set of a tape image and describe it (labels and the
 * format used), without reading its data: for a scan's defaults.
 */
extern zf_status zf_tape_describe(zf_byte_source *inner,
								  const zf_tape_opts *opts,
								  zf_tape_file *out, zf_error *err);

/*
 * A source of one data set of a tape image, deblocked as the table at the
 * top says; it owns inner (and the volumes next_volume gives).  *file (if
 * not NULL) receives what the labels say once the data set is found.
 */
extern zf_byte_source *zf_tape_source_open(zf_byte_source *inner,
										   const zf_tape_opts *opts,
										   zf_tape_file *file,
										   zf_error *err);

/* ---- IEBCOPY unloads ---- */

/* One directory entry of a partitioned data set. */
typedef struct zf_pds_member
{
	char		name[9];		/* blanks trimmed */
	uint32_t	ttr;
	bool		alias;
	bool		has_stats;		/* ISPF statistics in the user data */
	uint8_t		ver;
	uint8_t		mod;
	char		created[11];	/* YYYY-MM-DD */
	char		changed[20];	/* YYYY-MM-DD HH:MM:SS */
	uint32_t	lines;			/* current */
	uint32_t	init_lines;
	uint32_t	mod_lines;
	char		user[9];
	uint64_t	records;		/* F: data bytes / LRECL; V: RDWs; U: blocks
								 * (filled by zf_unload_scan) */
	uint64_t	bytes;			/* data bytes of its blocks */
} zf_pds_member;

/* The logical records of an unload (NETDATA data records; a tape's VS). */
typedef zf_status (*zf_record_supplier) (void *arg, const uint8_t **data,
										 uint32_t *len, zf_error *err);

typedef struct zf_unload zf_unload;

/*
 * Start reading an IEBCOPY unload: COPYR1 (DSORG, RECFM, LRECL, BLKSIZE),
 * COPYR2, then the directory, read whole.
 */
extern zf_unload *zf_unload_open(zf_record_supplier next, void *arg,
								 zf_error *err);
extern const zf_dsformat *zf_unload_format(const zf_unload *u);
extern uint32_t zf_unload_member_count(const zf_unload *u);
extern const zf_pds_member *zf_unload_member(const zf_unload *u, uint32_t i);

/*
 * The next member data block: its bytes and the index of the member it
 * belongs to (the member whose TTR is the block's position, by order:
 * members are unloaded in TTR order).  ZF_EOF after the last.
 */
extern zf_status zf_unload_next_block(zf_unload *u, const uint8_t **data,
									  uint32_t *len, uint32_t *member,
									  zf_error *err);
/* Read every block, counting each member's bytes and records. */
extern zf_status zf_unload_scan(zf_unload *u, zf_error *err);
extern void zf_unload_close(zf_unload *u);

/* ---- TSO TRANSMIT (NETDATA) ---- */

/* One file of a TRANSMIT (an INMR02 group): a data set or a message. */
typedef struct zf_xmit_file
{
	uint32_t	number;			/* INMR02 file number, 1-based */
	bool		message;		/* no INMDSNAM: the message */
	bool		partitioned;	/* utility IEBCOPY: a PDS unload */
	char		dsname[45];
	char		utility[9];		/* INMUTILN of the first INMR02 */
	char		dsorg[3];		/* "PS", "PO", or "" */
	zf_dsformat fmt;			/* INMRECFM, INMLRECL, INMBLKSZ */
	uint64_t	size;			/* INMSIZE */
	uint64_t	records;		/* sequential: records (zf_xmit_contents) */
	uint64_t	bytes;			/* sequential: data bytes (likewise) */
} zf_xmit_file;

#define ZF_XMIT_MAX_FILES	8

typedef struct zf_xmit_info
{
	char		from_node[9];
	char		from_user[9];
	char		to_node[9];
	char		to_user[9];
	char		time[21];		/* INMFTIME "YYYY-MM-DD HH:MM:SS" */
	uint32_t	nfiles;
	zf_xmit_file files[ZF_XMIT_MAX_FILES];
} zf_xmit_info;

/* Which data set and members of an XMIT a source reads, and how. */
typedef struct zf_xmit_opts
{
	const char *dsname;			/* NULL: the data set (not the message) */
	const char *member;			/* a glob of members, or NULL (a PDS needs
								 * it) */
	const char *recfm;			/* overrides the control records */
	uint32_t	lrecl;
} zf_xmit_opts;

/* Read the control records of an XMIT (and stop at the first data). */
extern zf_status zf_xmit_describe(zf_byte_source *inner, zf_xmit_info *info,
								  zf_error *err);

/*
 * List the data sets and members of an XMIT: the info first, then for a
 * partitioned data set each member with its counts.
 */
typedef zf_status (*zf_xmit_member_cb) (void *arg, const zf_xmit_file *file,
										const zf_pds_member *m, zf_error *err);
extern zf_status zf_xmit_contents(zf_byte_source *inner, zf_xmit_info *info,
								  zf_xmit_member_cb cb, void *arg,
								  zf_error *err);

/*
 * The format a source of opts reads (of the chosen data set; of a PDS's
 * members), for a scan's defaults.
 */
extern zf_status zf_xmit_choose(const zf_xmit_info *info,
								const zf_xmit_opts *opts,
								const zf_xmit_file **file, zf_error *err);

/* A source of a data set (or members) of an XMIT; owns inner. */
extern zf_byte_source *zf_xmit_source_open(zf_byte_source *inner,
										   const zf_xmit_opts *opts,
										   zf_error *err);

/* What an archive source reads (zf_archive_describe). */
typedef struct zf_archive_desc
{
	zf_container kind;			/* AWSTAPE (also for HET), XMIT or IEBCOPY */
	bool		labeled;		/* tape: standard labels; XMIT: always */
	uint32_t	file;			/* tape file sequence; XMIT file number */
	char		dsname[45];		/* HDR1 (last 17 characters) or INMDSNAM */
	zf_dsformat label_fmt;		/* as the labels or control records say */
	zf_dsformat fmt;			/* as read: options over labels; of the
								 * members for a library */
	bool		members;		/* members of a library are read */
	/*
	 * Reads at offsets: a tape's fixed-length data set, mapped from its
	 * block headers (ranged true, its blocks), or why not (sequential).
	 */
	bool		ranged;
	uint64_t	map_blocks;
	char		sequential[112];
} zf_archive_desc;

/* Describe an archive source (or one stacked beneath); false if none. */
extern bool zf_archive_describe(zf_byte_source *src, zf_archive_desc *out);

/*
 * The member whose records lie at offset of a source of members (tape or
 * XMIT): its name, or NULL when the source reads no members.
 */
extern const char *zf_archive_member_at(zf_byte_source *src, uint64_t offset);

/* True when the first bytes are a NETDATA INMR01 control record. */
extern bool zf_xmit_detect(const uint8_t *p, size_t n);

/* ---- a standalone IEBCOPY unload (unload_file.c) ---- */

/*
 * True when the first bytes are an IEBCOPY unload kept as a file: a
 * record or segment descriptor (after a block descriptor, or not), then
 * COPYR1 with its identifier X'CA6D0F'.
 */
extern bool zf_unload_detect(const uint8_t *p, size_t n);

/*
 * A source of the members of an unload file (opts->member, a glob, is
 * required; recfm and lrecl override COPYR1's; dsname is not used); owns
 * inner.
 */
extern zf_byte_source *zf_unload_source_open(zf_byte_source *inner,
											 const zf_xmit_opts *opts,
											 zf_error *err);

/*
 * List an unload file as zf_xmit_contents lists a library: the library
 * (file 1, m NULL), then each member with its counts.
 */
extern zf_status zf_unload_file_contents(zf_byte_source *inner,
										 zf_xmit_member_cb cb, void *arg,
										 zf_error *err);

#endif							/* ZF_ARCHIVE_H */
