/*-------------------------------------------------------------------------
 *
 * tape_source.c
 *	  One data set of a tape image as a byte source: its blocks re-framed
 *	  for the record reader (archive.h), across volumes when the data set
 *	  continues on the next one, or the members of an IEBCOPY unload that
 *	  the data set holds.
 *
 * The source walks the image to the data set (tape_labels.c), then hands
 * out block after block.  At the data set's end the trailer labels are
 * read: EOF means the end; EOV means that it continues on the next
 * volume, which the caller supplies (next_volume): its header labels
 * must name the same data set and file, and its blocks follow.  A data
 * set whose continuation is not supplied is an error, never a silent
 * half.
 *
 *-------------------------------------------------------------------------
 */
#include "archive/tape_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tape_source
{
	zf_archive_source a;
	zf_tape_walk w;
	zf_tape_file f;
	zf_deblock dsd;				/* the data set's blocks */
	zf_deblock d;				/* what is handed out (members' blocks) */
	bool		done;
	uint32_t	volumes;		/* volumes read so far */
	zf_byte_source *volume;		/* a later volume (next_volume), owned */
	zf_byte_source *(*next_volume) (void *arg, zf_error *err);
	void	   *next_volume_arg;
	char		dsname[18];

	/* members of an unload in the data set */
	char	   *member_glob;
	zf_unload  *u;
	const char **member_name;	/* per directory entry, the name to read
								 * its data under, or NULL */
	uint32_t	cur_member;
	uint8_t    *rec;			/* a spanned record being joined */
	uint32_t	rec_cap;
	const uint8_t *blk;			/* the block segments come from */
	uint32_t	blk_len;
	uint32_t	blk_pos;
	uint64_t	blk_off;

	zf_tape_map *map;			/* F data mapped for reads at offsets */
} tape_source;

/* Open the next volume and find the data set's continuation on it. */
static zf_status
next_volume(tape_source *ts, zf_error *err)
{
	zf_byte_source *vol;
	zf_tape_file f;
	bool		found;
	zf_status	st;

	if (err != NULL)
		zf_error_clear(err);
	if (ts->next_volume == NULL ||
		(vol = ts->next_volume(ts->next_volume_arg, err)) == NULL)
	{
		if (err != NULL && err->status != ZF_OK)
			return err->status;
		zf_error_set(err, ZF_E_ARG,
					 "data set \"%s\" continues on another volume (its trailer label is EOV)",
					 ts->f.dsname);
		zf_error_hint(err, "List the volumes in order in a glob of the filename option.");
		return ZF_E_ARG;
	}
	zf_tape_walk_end(&ts->w);
	if (ts->volume != NULL)
		zf_bytes_close(ts->volume, NULL);
	ts->volume = vol;
	st = zf_tape_walk_start(&ts->w, vol, err);
	if (st != ZF_OK)
		return st;
	st = zf_tape_walk_next_file(&ts->w, &f, &found, err);
	if (st != ZF_OK)
		return st;
	if (!found || strcmp(f.dsname, ts->f.dsname) != 0 || f.seq != ts->f.seq)
		return zf_error_set(err, ZF_E_ARG,
							"the next volume does not continue data set \"%s\" (file %u)",
							ts->f.dsname, ts->f.seq);
	ts->volumes++;
	ts->f.volseq = f.volseq;
	ts->f.blocks = 0;
	return ZF_OK;
}

/* The next block of the data set; ZF_EOF at its end. */
static zf_status
ds_next_block(tape_source *ts, const uint8_t **p, uint32_t *len,
			  uint64_t *off, zf_error *err)
{
	for (;;)
	{
		zf_tape_item item;
		zf_status	st;

		if (ts->done)
			return ZF_EOF;
		st = zf_tape_walk_item(&ts->w, &item, p, len, err);
		if (st != ZF_OK)
			return st;
		if (item == ZF_TAPE_BLOCK)
		{
			zf_tape_count_block(&ts->f, *len);
			*off = zf_tape_item_offset(ts->w.t);
			return ZF_OK;
		}
		if (item == ZF_TAPE_END && ts->w.labeled)
			return zf_archive_error(err, zf_tape_item_offset(ts->w.t), NULL, 0,
									"the tape image ends inside the data of file %u", ts->f.seq);
		if (item == ZF_TAPE_MARK && ts->w.labeled)
		{
			st = zf_tape_walk_trailer(&ts->w, &ts->f, err);
			if (st != ZF_OK)
				return st;
			if (ts->f.continued)
			{
				st = next_volume(ts, err);
				if (st != ZF_OK)
					return st;
				continue;
			}
		}
		ts->done = true;
		return ZF_EOF;
	}
}

/* Plain data set: the next block, re-framed. */
static zf_status
fill_blocks(zf_archive_source *a, zf_piece *piece, zf_error *err)
{
	tape_source *ts = (tape_source *) a;
	const uint8_t *p;
	uint32_t	len;
	uint64_t	off;
	zf_status	st = ds_next_block(ts, &p, &len, &off, err);

	if (st != ZF_OK)
		return st;
	return zf_deblock_block(&ts->dsd, p, len, off, piece, err);
}

/* The next logical record of a V/VS data set, segments joined. */
static zf_status
next_record(void *arg, const uint8_t **data, uint32_t *len, zf_error *err)
{
	tape_source *ts = (tape_source *) arg;
	uint32_t	have = 0;
	bool		open = false;

	for (;;)
	{
		uint32_t	l;
		uint8_t		flag;
		const uint8_t *s;

		if (ts->blk_pos >= ts->blk_len)
		{
			zf_piece	piece;
			zf_status	st = ds_next_block(ts, &ts->blk, &ts->blk_len, &ts->blk_off, err);

			if (st == ZF_EOF && open)
				return zf_archive_error(err, ts->blk_off, NULL, 0,
										"the data set ends inside a spanned record");
			if (st != ZF_OK)
				return st;
			/* checks the BDW and the chain of segments */
			st = zf_deblock_block(&ts->dsd, ts->blk, ts->blk_len, ts->blk_off, &piece, err);
			if (st != ZF_OK)
				return st;
			ts->blk_pos = 4;
			continue;
		}
		s = ts->blk + ts->blk_pos;
		l = ((uint32_t) s[0] << 8) | s[1];
		flag = s[2];
		ts->blk_pos += l;		/* the chain was checked whole */
		if ((flag == 0 || flag == 1) == open)
			return zf_archive_error(err, ts->blk_off + ts->blk_pos - l, s, 4,
									"a segment descriptor out of order");
		if (l - 4 > ZF_XMIT_MAX_RECORD - have)
			return zf_error_set(err, ZF_E_LIMIT, "a record of the unload is longer than %d bytes",
								ZF_XMIT_MAX_RECORD);
		if (have + l - 4 > ts->rec_cap)
		{
			uint32_t	cap = ts->rec_cap ? ts->rec_cap : 4096;
			uint8_t    *r;

			while (cap < have + l - 4)
				cap *= 2;
			r = realloc(ts->rec, cap);
			if (r == NULL)
				return zf_error_set(err, ZF_E_NOMEM, "out of memory joining a spanned record");
			ts->rec = r;
			ts->rec_cap = cap;
		}
		if (l > 4)
			memcpy(ts->rec + have, s + 4, l - 4);
		have += l - 4;
		if (flag == 0 || flag == 2)
		{
			*data = ts->rec;
			*len = have;
			return ZF_OK;
		}
		open = true;
	}
}

/* Members: the next block of a selected member, re-framed. */
static zf_status
fill_members(zf_archive_source *a, zf_piece *piece, zf_error *err)
{
	tape_source *ts = (tape_source *) a;

	for (;;)
	{
		const uint8_t *p;
		uint32_t	len,
					m;
		zf_status	st = zf_unload_next_block(ts->u, &p, &len, &m, err);

		if (st != ZF_OK)
			return st;
		if (ts->member_name[m] == NULL)
			continue;
		if (m != ts->cur_member)
		{
			st = zf_archive_member_begins(a, ts->member_name[m], err);
			if (st != ZF_OK)
				return st;
			ts->cur_member = m;
		}
		return zf_deblock_block(&ts->d, p, len, 0, piece, err);
	}
}

/* Release the walk, later volumes, the unload. */
static void
free_tape_source(zf_archive_source *a)
{
	tape_source *ts = (tape_source *) a;

	zf_tape_walk_end(&ts->w);
	if (ts->volume)
		zf_bytes_close(ts->volume, NULL);
	if (ts->u)
		zf_unload_close(ts->u);
	free((void *) ts->member_name);
	free(ts->member_glob);
	free(ts->rec);
	zf_tape_map_free(ts->map);
}

/* Read the data set at an offset, through its block map. */
static zf_status
map_read_at(zf_archive_source *a, uint8_t *buf, size_t n, uint64_t offset,
			size_t *got, zf_error *err)
{
	tape_source *ts = (tape_source *) a;

	return zf_tape_map_read_at(ts->map, ts->a.base.inner, buf, n, offset, got, err);
}

/*
 * Map a fixed-length data set's blocks, so that it is read at offsets
 * too; or say why it is read in order only.
 */
static zf_status
map_data_set(tape_source *ts, const zf_tape_opts *opts, zf_error *err)
{
	zf_archive_desc *d = &ts->a.desc;
	zf_status	st;

	if (opts->member)
	{
		snprintf(d->sequential, sizeof(d->sequential),
				 "members of a library are read in order");
		return ZF_OK;
	}
	if (ts->dsd.framing != ZF_DS_FIXED)
	{
		snprintf(d->sequential, sizeof(d->sequential),
				 "its records are not of fixed length (RECFM %s)",
				 opts->recfm ? opts->recfm : ts->f.fmt.recfm);
		return ZF_OK;
	}
	if (opts->no_map)
	{
		snprintf(d->sequential, sizeof(d->sequential), "%s", opts->no_map);
		return ZF_OK;
	}
	st = zf_tape_map_build(ts->a.base.inner, zf_tape_walk_offset(&ts->w),
						   ts->f.labeled, ts->dsd.lrecl, &ts->map,
						   d->sequential, sizeof(d->sequential), err);
	if (st != ZF_OK || ts->map == NULL)
		return st;
	d->ranged = true;
	d->map_blocks = zf_tape_map_blocks(ts->map);
	ts->a.read_at = map_read_at;
	ts->a.base.caps |= ZF_BYTES_SIZED | ZF_BYTES_RANGED;
	ts->a.base.size = (int64_t) zf_tape_map_size(ts->map);
	return ZF_OK;
}

/*
 * Which entries' data is read, under which name: an entry matching the
 * glob selects the data at its TTR (a primary name preferred over an
 * alias naming the same data).
 */
zf_status
zf_unload_select(zf_unload *u, const char *glob, const char ***names,
				 zf_error *err)
{
	uint32_t	n = zf_unload_member_count(u);
	const char **sel = calloc(n ? n : 1, sizeof(char *));
	bool		any = false;

	if (sel == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory selecting members");
	for (uint32_t j = 0; j < n; j++)
	{
		const zf_pds_member *mj = zf_unload_member(u, j);
		uint32_t	rep = j;

		if (!zf_member_glob_match(glob, mj->name))
			continue;
		/* the representative of this TTR: its first primary entry */
		for (uint32_t k = 0; k < n; k++)
		{
			const zf_pds_member *mk = zf_unload_member(u, k);

			if (mk->ttr == mj->ttr && (!mk->alias || k == j))
			{
				rep = k;
				break;
			}
		}
		if (sel[rep] == NULL || !mj->alias)
			sel[rep] = zf_unload_member(u, j)->name;
		any = true;
	}
	if (!any)
	{
		free(sel);
		return zf_error_set(err, ZF_E_ARG, "no member matches \"%s\"", glob);
	}
	*names = sel;
	return ZF_OK;
}

/* A source of one data set of a tape image. */
zf_byte_source *
zf_tape_source_open(zf_byte_source *inner, const zf_tape_opts *opts,
					zf_tape_file *file, zf_error *err)
{
	tape_source *ts;
	const char *recfm;
	uint32_t	lrecl;
	zf_status	st;

	ts = (tape_source *) zf_archive_source_new(sizeof(tape_source),
											   zf_bytes_name(inner), inner,
											   opts->member ? fill_members : fill_blocks,
											   free_tape_source, err);
	if (ts == NULL)
		return NULL;
	ts->next_volume = opts->next_volume;
	ts->next_volume_arg = opts->next_volume_arg;
	ts->cur_member = UINT32_MAX;
	st = zf_tape_walk_start(&ts->w, inner, err);
	if (st == ZF_OK)
		st = zf_tape_walk_find(&ts->w, opts, &ts->f, err);
	if (st != ZF_OK)
		goto fail;
	ts->volumes = 1;
	recfm = opts->recfm ? opts->recfm : ts->f.fmt.recfm;
	lrecl = opts->lrecl ? opts->lrecl : ts->f.fmt.lrecl;
	if (recfm[0] == '\0')
	{
		zf_error_set(err, ZF_E_ARG, "file %u of the tape has no record format in its labels",
					 ts->f.seq);
		zf_error_hint(err, "An unlabeled tape needs the recfm option (and lrecl for fixed-length records).");
		goto fail;
	}
	if (zf_deblock_init(&ts->dsd, recfm, lrecl, err) != ZF_OK)
		goto fail;
	ts->d = ts->dsd;
	if (opts->member)
	{
		if (ts->dsd.framing != ZF_DS_SPANNED && ts->dsd.framing != ZF_DS_VARIABLE)
		{
			zf_error_set(err, ZF_E_ARG,
						 "file %u of the tape is not an IEBCOPY unload (its record format is %s, not VS)",
						 ts->f.seq, recfm);
			goto fail;
		}
		ts->u = zf_unload_open(next_record, ts, err);
		if (ts->u == NULL)
			goto fail;
		if (zf_unload_select(ts->u, opts->member, &ts->member_name, err) != ZF_OK)
			goto fail;
		/* from now on blocks are the members' */
		if (zf_deblock_init(&ts->d, opts->recfm ? opts->recfm : zf_unload_format(ts->u)->recfm,
							opts->lrecl ? opts->lrecl : zf_unload_format(ts->u)->lrecl,
							err) != ZF_OK)
			goto fail;
	}
	ts->a.desc.kind = ZF_CONTAINER_AWSTAPE;
	ts->a.desc.labeled = ts->f.labeled;
	ts->a.desc.file = ts->f.seq;
	snprintf(ts->a.desc.dsname, sizeof(ts->a.desc.dsname), "%s", ts->f.dsname);
	ts->a.desc.label_fmt = ts->f.fmt;
	ts->a.desc.members = opts->member != NULL;
	if (opts->member)
		ts->a.desc.fmt = *zf_unload_format(ts->u);
	else
		ts->a.desc.fmt = ts->f.fmt;
	if (opts->recfm)
		snprintf(ts->a.desc.fmt.recfm, sizeof(ts->a.desc.fmt.recfm), "%s", opts->recfm);
	if (opts->lrecl)
		ts->a.desc.fmt.lrecl = opts->lrecl;
	if (map_data_set(ts, opts, err) != ZF_OK)
		goto fail;
	if (file != NULL)
		*file = ts->f;
	return &ts->a.base;

fail:
	ts->a.base.inner = NULL;	/* the caller keeps inner on failure */
	zf_bytes_close(&ts->a.base, NULL);
	return NULL;
}
