/*-------------------------------------------------------------------------
 *
 * tape_labels.c
 *	  IBM standard tape labels, and walking a tape image file by file:
 *	  finding a data set, listing them all.
 *
 * A standard-labeled (SL) tape is VOL1 (and user volume labels), then per
 * data set HDR1 HDR2 (and user header labels), a tape mark, the data
 * blocks, a tape mark, the trailer EOF1 EOF2 (EOV1 EOV2 when the data set
 * continues on the next volume) and a tape mark; one more tape mark ends
 * the tape.  Labels are 80-byte EBCDIC blocks.  An unlabeled (NL) tape is
 * files of blocks separated by tape marks, two in a row at the end.  A
 * tape whose first block is not a VOL1 label is read as unlabeled.
 *
 * The fields (1-based columns, from the z/OS DFSMS tape label layouts):
 *	 HDR1/EOF1/EOV1: 5-21 data set identifier, 22-27 data set serial,
 *	   28-31 volume sequence, 32-35 data set sequence, 42-47 creation date
 *	   (cyyddd: c blank 19yy, 0 20yy, 1 21yy), 55-60 block count (low
 *	   six digits; 77-80 the high four), 61-73 system code;
 *	 HDR2/EOF2/EOV2: 5 RECFM (F, V, U), 6-10 block length, 11-15 record
 *	   length, 18-34 job and step, 37 control character (A, M), 39 block
 *	   attribute (B blocked, S spanned, R both).
 *
 *-------------------------------------------------------------------------
 */
#include "archive/tape_int.h"

#include <stdio.h>
#include <string.h>

/* Does an 80-byte block begin with this label identifier (ASCII)? */
static bool
is_label(const uint8_t *p, uint32_t len, const char *id)
{
	uint8_t		e[4];

	if (len != 80)
		return false;
	zf_label_ebcdic(e, id, 4);
	return memcmp(p, e, 4) == 0;
}

/* A number field of a label, or an error naming it. */
static zf_status
label_number(zf_tape_walk *w, const uint8_t *lab, int col, int n,
			 const char *what, uint64_t *out, zf_error *err)
{
	if (!zf_label_number(lab + col - 1, (size_t) n, out))
		return zf_archive_error(err, zf_tape_item_offset(w->t) + 6 + (uint64_t) col - 1,
								lab + col - 1, (size_t) n,
								"invalid %s in a tape label", what);
	return ZF_OK;
}

/* Fill a file's description from HDR1. */
static zf_status
parse_hdr1(zf_tape_walk *w, const uint8_t *lab, zf_tape_file *f,
		   zf_error *err)
{
	uint64_t	v;
	zf_status	st;

	f->labeled = true;
	zf_label_text(f->dsname, lab + 4, 17);
	zf_label_text(f->dsserial, lab + 21, 6);
	snprintf(f->volser, sizeof(f->volser), "%s", w->volser);
	if ((st = label_number(w, lab, 28, 4, "volume sequence number", &v, err)) != ZF_OK)
		return st;
	f->volseq = (uint32_t) v;
	if ((st = label_number(w, lab, 32, 4, "data set sequence number", &v, err)) != ZF_OK)
		return st;
	f->seq = (uint32_t) v;
	/* the date as written (cyyddd), the first character kept as is */
	zf_label_text(f->created, lab + 41, 6);
	if (lab[41] == 0x40)
		f->created[0] = ' ';
	zf_label_text(f->syscode, lab + 60, 13);
	return ZF_OK;
}

/* Fill a file's format from HDR2 (the RECFM letter and attributes). */
static zf_status
parse_hdr2(zf_tape_walk *w, const uint8_t *lab, zf_tape_file *f,
		   zf_error *err)
{
	uint64_t	blk,
				lrecl;
	char		c[2];
	char		attr[2];
	char		ctl[2];
	zf_status	st;

	zf_label_text(c, lab + 4, 1);
	if (strchr("FVU", c[0]) == NULL || c[0] == '\0')
		return zf_archive_error(err, zf_tape_item_offset(w->t) + 6 + 4, lab + 4, 1,
								"invalid record format in a tape label");
	if ((st = label_number(w, lab, 6, 5, "block length", &blk, err)) != ZF_OK)
		return st;
	if ((st = label_number(w, lab, 11, 5, "record length", &lrecl, err)) != ZF_OK)
		return st;
	zf_label_text(f->jobstep, lab + 17, 17);
	zf_label_text(ctl, lab + 36, 1);
	zf_label_text(attr, lab + 38, 1);
	snprintf(f->fmt.recfm, sizeof(f->fmt.recfm), "%c%s%s%s", c[0],
			 (attr[0] == 'B' || attr[0] == 'R') ? "B" : "",
			 (attr[0] == 'S' || attr[0] == 'R') ? "S" : "",
			 (ctl[0] == 'A' || ctl[0] == 'M') ? ctl : "");
	f->fmt.blksize = (uint32_t) blk;
	f->fmt.lrecl = (uint32_t) lrecl;
	return ZF_OK;
}

/* The next item of the walk's tape. */
static zf_status
next_item(zf_tape_walk *w, zf_tape_item *item, const uint8_t **p,
		  uint32_t *len, zf_error *err)
{
	return zf_tape_next(w->t, item, p, len, err);
}

/* Start walking a tape: is it labeled, and its VOL1. */
zf_status
zf_tape_walk_start(zf_tape_walk *w, zf_byte_source *inner, zf_error *err)
{
	zf_tape_item item;
	const uint8_t *p;
	uint32_t	len;
	zf_status	st;

	memset(w, 0, sizeof(*w));
	w->t = zf_tape_open(inner, err);
	if (w->t == NULL)
		return ZF_E_NOMEM;
	st = next_item(w, &item, &p, &len, err);
	if (st != ZF_OK)
		return st;
	if (item == ZF_TAPE_BLOCK && is_label(p, len, "VOL1"))
	{
		w->labeled = true;
		zf_label_text(w->volser, p + 4, 6);
		w->have_item = false;
		return ZF_OK;
	}
	/* unlabeled: the item read is the first of file 1 */
	w->labeled = false;
	w->have_item = true;
	w->item = item;
	w->item_data = p;
	w->item_len = len;
	w->nl_file = 0;
	return ZF_OK;
}

/* Release the walk's block reader (not its source). */
void
zf_tape_walk_end(zf_tape_walk *w)
{
	if (w->t)
		zf_tape_close(w->t);
	w->t = NULL;
}

/* The next item, the one kept back first. */
zf_status
zf_tape_walk_item(zf_tape_walk *w, zf_tape_item *item, const uint8_t **p,
				  uint32_t *len, zf_error *err)
{
	if (w->have_item)
	{
		w->have_item = false;
		*item = w->item;
		*p = w->item_data;
		*len = w->item_len;
		return ZF_OK;
	}
	return next_item(w, item, p, len, err);
}

/*
 * Move to the next file's header: *found false at the end of the tape.
 * Fills f from the header labels (labeled) or the position (unlabeled),
 * and leaves the walk at the file's first data item.
 */
zf_status
zf_tape_walk_next_file(zf_tape_walk *w, zf_tape_file *f, bool *found,
					   zf_error *err)
{
	zf_tape_item item;
	const uint8_t *p;
	uint32_t	len;
	zf_status	st;

	memset(f, 0, sizeof(*f));
	f->label_blocks = UINT64_MAX;
	*found = false;
	if (w->at_end)
		return ZF_OK;
	if (!w->labeled)
	{
		/* a tape mark (or the end) right away: the end of the tape */
		st = zf_tape_walk_item(w, &item, &p, &len, err);
		if (st != ZF_OK)
			return st;
		if (item != ZF_TAPE_BLOCK)
		{
			w->at_end = true;
			return ZF_OK;
		}
		w->have_item = true;
		w->item = item;
		w->item_data = p;
		w->item_len = len;
		f->seq = ++w->nl_file;
		*found = true;
		return ZF_OK;
	}
	/* labeled: user volume labels, then HDR1, or a tape mark at the end */
	for (;;)
	{
		st = zf_tape_walk_item(w, &item, &p, &len, err);
		if (st != ZF_OK)
			return st;
		if (item != ZF_TAPE_BLOCK)
		{
			w->at_end = true;
			return ZF_OK;
		}
		if (is_label(p, len, "HDR1"))
			break;
		if (!is_label(p, len, "UVL1") && !is_label(p, len, "UVL2") &&
			!is_label(p, len, "UVL3") && !is_label(p, len, "UVL4") &&
			!is_label(p, len, "VOL2"))
			return zf_archive_error(err, zf_tape_item_offset(w->t), p, len < 8 ? len : 8,
									"a block where a tape label (HDR1) was expected");
	}
	/* an IEHINITT dummy HDR1 (all zeros) on a freshly initialized tape */
	{
		static const uint8_t zeros[4] = {0xF0, 0xF0, 0xF0, 0xF0};

		if (memcmp(p + 4, zeros, 4) == 0 && memcmp(p + 31, zeros, 4) == 0)
		{
			w->at_end = true;
			return ZF_OK;
		}
	}
	st = parse_hdr1(w, p, f, err);
	if (st != ZF_OK)
		return st;
	/* HDR2 and other header labels up to the tape mark */
	for (;;)
	{
		st = zf_tape_walk_item(w, &item, &p, &len, err);
		if (st != ZF_OK)
			return st;
		if (item == ZF_TAPE_MARK)
			break;
		if (item == ZF_TAPE_END)
			return zf_archive_error(err, zf_tape_item_offset(w->t), NULL, 0,
									"the tape image ends inside the header labels of file %u", f->seq);
		if (is_label(p, len, "HDR2"))
		{
			st = parse_hdr2(w, p, f, err);
			if (st != ZF_OK)
				return st;
		}
		else if (len != 80)
			return zf_archive_error(err, zf_tape_item_offset(w->t), p, len < 8 ? len : 8,
									"a block of %u bytes among the header labels of file %u",
									len, f->seq);
	}
	*found = true;
	return ZF_OK;
}

/*
 * After a labeled file's data (its tape mark read): the trailer labels up
 * to their tape mark.  Sets continued (EOV) and label_blocks; a count
 * different from the blocks read is an error.
 */
zf_status
zf_tape_walk_trailer(zf_tape_walk *w, zf_tape_file *f, zf_error *err)
{
	zf_tape_item item;
	const uint8_t *p;
	uint32_t	len;
	zf_status	st;
	bool		any = false;

	if (!w->labeled)
		return ZF_OK;
	for (;;)
	{
		st = zf_tape_walk_item(w, &item, &p, &len, err);
		if (st != ZF_OK)
			return st;
		if (item == ZF_TAPE_MARK)
			break;
		if (item == ZF_TAPE_END)
		{
			if (!any)
				return zf_archive_error(err, zf_tape_item_offset(w->t), NULL, 0,
										"the tape image ends after the data of file %u, without its trailer labels", f->seq);
			w->at_end = true;
			break;
		}
		if (is_label(p, len, "EOF1") || is_label(p, len, "EOV1"))
		{
			uint64_t	lo,
						hi = 0;

			f->continued = is_label(p, len, "EOV1");
			st = label_number(w, p, 55, 6, "block count", &lo, err);
			if (st != ZF_OK)
				return st;
			/* the high-order digits: blanks or zeros on older systems */
			if (!zf_label_number(p + 76, 4, &hi))
				hi = 0;
			f->label_blocks = hi * 1000000 + lo;
			if (f->label_blocks != f->blocks)
				return zf_archive_error(err, zf_tape_item_offset(w->t) + 6 + 54, p + 54, 6,
										"the trailer label of file %u counts %llu blocks, the image holds %llu",
										f->seq, (unsigned long long) f->label_blocks,
										(unsigned long long) f->blocks);
		}
		else if (!is_label(p, len, "EOF2") && !is_label(p, len, "EOV2") &&
				 !is_label(p, len, "UTL1") && !is_label(p, len, "UTL2") &&
				 !is_label(p, len, "UTL3") && !is_label(p, len, "UTL4"))
			return zf_archive_error(err, zf_tape_item_offset(w->t), p, len < 8 ? len : 8,
									"a block where a trailer label was expected after file %u", f->seq);
		any = true;
	}
	if (!any)
		return zf_archive_error(err, zf_tape_item_offset(w->t), NULL, 0,
								"file %u has no trailer labels", f->seq);
	if (f->continued)
		w->at_end = true;		/* EOV: nothing more on this volume */
	return ZF_OK;
}

/* Where the walk's next item lies in the image. */
uint64_t
zf_tape_walk_offset(const zf_tape_walk *w)
{
	return w->have_item ? zf_tape_item_offset(w->t) : zf_tape_position(w->t);
}

/* Count a data block of a file. */
void
zf_tape_count_block(zf_tape_file *f, uint32_t len)
{
	if (f->blocks == 0 || len < f->min_block)
		f->min_block = len;
	if (len > f->max_block)
		f->max_block = len;
	f->blocks++;
	f->bytes += len;
}

/* Skip a file's data up to its tape mark, counting the blocks. */
zf_status
zf_tape_walk_skip_data(zf_tape_walk *w, zf_tape_file *f, zf_error *err)
{
	uint64_t	before = zf_tape_compressed_blocks(w->t);

	for (;;)
	{
		zf_tape_item item;
		const uint8_t *p;
		uint32_t	len;
		zf_status	st = zf_tape_walk_item(w, &item, &p, &len, err);

		if (st != ZF_OK)
			return st;
		if (item == ZF_TAPE_MARK)
			break;
		if (item == ZF_TAPE_END)
		{
			if (w->labeled)
				return zf_archive_error(err, zf_tape_item_offset(w->t), NULL, 0,
										"the tape image ends inside the data of file %u", f->seq);
			w->at_end = true;
			break;
		}
		zf_tape_count_block(f, len);
	}
	f->compressed = zf_tape_compressed_blocks(w->t) > before;
	return zf_tape_walk_trailer(w, f, err);
}

/* Is this the file opts asks for? */
bool
zf_tape_file_wanted(const zf_tape_opts *opts, const zf_tape_file *f)
{
	if (opts->dsname != NULL && opts->dsname[0] != '\0')
	{
		size_t		n = strlen(opts->dsname);
		const char *tail = n > 17 ? opts->dsname + n - 17 : opts->dsname;

		if (!f->labeled)
			return false;
		for (size_t i = 0;; i++)
		{
			char		a = tail[i],
						b = f->dsname[i];

			if (a >= 'a' && a <= 'z')
				a -= 32;
			if (a != b)
				return false;
			if (a == '\0')
				break;
		}
		return opts->file == 0 || opts->file == f->seq;
	}
	return f->seq == (opts->file ? opts->file : 1);
}

/* Find the wanted file and stop at its first data item. */
zf_status
zf_tape_walk_find(zf_tape_walk *w, const zf_tape_opts *opts,
				  zf_tape_file *f, zf_error *err)
{
	for (;;)
	{
		bool		found;
		zf_status	st = zf_tape_walk_next_file(w, f, &found, err);

		if (st != ZF_OK)
			return st;
		if (!found)
		{
			if (opts->dsname && opts->dsname[0])
				return zf_error_set(err, ZF_E_ARG,
									"the tape holds no data set named \"%s\"", opts->dsname);
			return zf_error_set(err, ZF_E_ARG, "the tape holds no file %u",
								opts->file ? opts->file : 1);
		}
		if (zf_tape_file_wanted(opts, f))
			return ZF_OK;
		st = zf_tape_walk_skip_data(w, f, err);
		if (st != ZF_OK)
			return st;
	}
}

/* Describe the wanted data set without reading its data. */
zf_status
zf_tape_describe(zf_byte_source *inner, const zf_tape_opts *opts,
				 zf_tape_file *out, zf_error *err)
{
	zf_tape_walk w;
	zf_status	st = zf_tape_walk_start(&w, inner, err);

	if (st == ZF_OK)
		st = zf_tape_walk_find(&w, opts, out, err);
	zf_tape_walk_end(&w);
	return st;
}

/* Every file of an image, with its counts, to the callback. */
zf_status
zf_tape_contents(zf_byte_source *inner, zf_tape_file_cb cb, void *arg,
				 zf_error *err)
{
	zf_tape_walk w;
	zf_status	st = zf_tape_walk_start(&w, inner, err);

	while (st == ZF_OK)
	{
		zf_tape_file f;
		bool		found;

		st = zf_tape_walk_next_file(&w, &f, &found, err);
		if (st != ZF_OK || !found)
			break;
		st = zf_tape_walk_skip_data(&w, &f, err);
		if (st == ZF_OK)
			st = cb(arg, &f, err);
	}
	zf_tape_walk_end(&w);
	return st;
}
