/*-------------------------------------------------------------------------
 *
 * ddl_parse_stmt.c
 *	  DB2 for z/OS DDL statements other than CREATE TABLE: CREATE INDEX,
 *	  VIEW, ALIAS/SYNONYM, SEQUENCE, distinct TYPE; ALTER TABLE; COMMENT ON
 *	  and LABEL ON; SET CURRENT SQLID/SCHEMA; DROP; RENAME.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_int.h"
#include "db2/ddl/ddl_parse.h"

#include <string.h>

/* Start a statement of a kind: allocate its payload. */
static void *
stmt_payload(ddl_cur *c, ddl_st kind, const char *kind_text, size_t size)
{
	void	   *p = zf_arena_alloc(&c->s->arena, size);

	c->stmt->kind = kind;
	c->stmt->kind_text = kind_text;
	return p;
}

/* ---------------------------------------------------------------------
 * CREATE INDEX
 * ---------------------------------------------------------------------
 */

/* One key: a column [ASC|DESC|RANDOM] or an expression. */
static zf_status
index_key(ddl_cur *c, ddl_index *ix, int end)
{
	ddl_index_key *k;
	int			last = end;

	if (c->pos + 3 == end && zf_ddlp_is(c, "BUSINESS_TIME WITHOUT OVERLAPS"))
	{
		ix->without_overlaps = true;
		c->pos = end;
		return ZF_OK;
	}
	k = zf_arena_push(&c->s->arena, (void **) &ix->keys, &ix->nkeys, &ix->capkeys,
				   sizeof(ddl_index_key));
	if (k == NULL)
		return zf_ddlp_nomem(c);
	if (end - 1 > c->pos)
	{
		const ddl_token *t = &c->toks[end - 1];

		if (zf_ddlp_tok_is(t, "ASC"))
			last = end - 1;
		else if (zf_ddlp_tok_is(t, "DESC"))
			last = end - 1, k->desc = true;
		else if (zf_ddlp_tok_is(t, "RANDOM"))
			last = end - 1, k->random = true;
	}
	if (last == c->pos)
		return zf_ddlp_error(c, "an index key");
	if (last == c->pos + 1 && zf_ddlp_tok_is_ident(&c->toks[c->pos]))
		k->col = c->toks[c->pos].text;
	k->expr.first = c->pos;
	k->expr.end = last;
	c->pos = end;
	return ZF_OK;
}

/* CREATE [TYPE n] [UNIQUE [WHERE NOT NULL]] INDEX name ON table (keys) [clauses] */
zf_status
zf_ddl_parse_create_index(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_index  *ix = stmt_payload(c, ST_CREATE_INDEX, "CREATE INDEX", sizeof(ddl_index));
	zf_status	st;
	int			type_at = -1;

	(void) ps;
	if (ix == NULL)
		return zf_ddlp_nomem(c);
	c->stmt->u.index = ix;
	c->pos++;					/* CREATE */
	for (;;)
	{
		if (zf_ddlp_tok_is(zf_ddlp_tok(c, 0), "TYPE") && zf_ddlp_tok(c, 1)->kind == TK_NUMBER)
		{
			type_at = c->pos;
			c->pos += 2;
		}
		else if (zf_ddlp_accept(c, "UNIQUE"))
		{
			ix->unique = true;
			if (zf_ddlp_accept(c, "WHERE NOT NULL"))
				ix->where_not_null = true;
		}
		else
			break;
	}
	if (type_at >= 0)
		ix->type_text = zf_ddl_range_text(c->s, type_at, type_at + 2);
	if ((st = zf_ddlp_expect(c, "INDEX")) != ZF_OK ||
		(st = zf_ddlp_qname(c, &ix->name)) != ZF_OK ||
		(st = zf_ddlp_expect(c, "ON")) != ZF_OK ||
		(st = zf_ddlp_qname(c, &ix->table)) != ZF_OK)
		return st;
	c->stmt->object = zf_ddl_name_text(c->s, &ix->name);
	zf_ddl_note_creator(c->s, ix->table.qual);

	if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
	{
		int			gend = zf_ddlp_group_end(c);

		c->pos++;
		while (c->pos < gend)
		{
			int			e = c->pos;
			int			depth = 0;

			for (; e < gend; e++)
			{
				if (zf_ddlp_tok_punct(&c->toks[e], "("))
					depth++;
				else if (zf_ddlp_tok_punct(&c->toks[e], ")"))
					depth--;
				else if (depth == 0 && zf_ddlp_tok_punct(&c->toks[e], ","))
					break;
			}
			if ((st = index_key(c, ix, e)) != ZF_OK)
				return st;
			if (ix->nkeys > 64)
				return zf_ddlp_error(c, "at most 64 index keys");
			c->pos = e < gend ? e + 1 : gend;
		}
		c->pos = gend + 1;
	}
	else
		ix->aux = true;

	while (!zf_ddlp_at_end(c))
	{
		ddl_clause	cl;

		st = ZF_OK;
		if (zf_ddlp_accept(c, "INCLUDE"))
		{
			if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
				st = zf_ddlp_name_list(c, &ix->ninclude, &ix->include, false);
			else
				return zf_ddlp_error(c, "\"(\"");
		}
		else if (zf_ddlp_accept(c, "NOT CLUSTER"))
			;
		else if (zf_ddlp_accept(c, "CLUSTER"))
		{
			ix->cluster = true;
			if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			{
				ix->index_parts.first = c->pos;
				st = zf_ddlp_skip_group(c);
				ix->index_parts.end = c->pos;
			}
		}
		else if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
		{
			ix->index_parts.first = c->pos;
			st = zf_ddlp_skip_group(c);
			ix->index_parts.end = c->pos;
		}
		else if (zf_ddlp_accept(c, "PARTITIONED"))
			ix->partitioned = true;
		else if (zf_ddlp_is(c, "PARTITION BY"))
		{
			ix->index_parts.first = c->pos;
			c->pos += 2;
			zf_ddlp_accept(c, "RANGE");
			if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
				st = zf_ddlp_skip_group(c);
			ix->index_parts.end = c->pos;
		}
		else if (zf_ddlp_accept(c, "EXCLUDE NULL KEYS"))
			ix->exclude_null_keys = true;
		else if (zf_ddlp_accept(c, "GENERATE KEY USING XMLPATTERN"))
		{
			/* the pattern, AS SQL type: all of it belongs to the XML index */
			ix->xml_pattern = true;
			while (!zf_ddlp_at_end(c) && !zf_ddl_clause_starts(c, CTX_INDEX))
			{
				if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
					st = zf_ddlp_skip_group(c);
				else
					c->pos++;
			}
		}
		else if (zf_ddl_match_clause(c, CTX_INDEX, &cl))
			st = zf_ddl_add_clause(c, &ix->clauses, &cl);
		else if ((st = zf_ddl_skip_unknown(c, CTX_INDEX, &cl)) == ZF_OK)
			st = zf_ddl_add_clause(c, &ix->clauses, &cl);
		if (st != ZF_OK)
			return st;
	}
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * CREATE VIEW, ALIAS, SYNONYM
 * ---------------------------------------------------------------------
 */

/* CREATE VIEW name [(columns)] AS fullselect [WITH [CASCADED | LOCAL] CHECK OPTION] */
zf_status
zf_ddl_parse_create_view(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_view   *v = stmt_payload(c, ST_CREATE_VIEW, "CREATE VIEW", sizeof(ddl_view));
	zf_status	st;
	int			end = c->end;

	(void) ps;
	if (v == NULL)
		return zf_ddlp_nomem(c);
	c->stmt->u.view = v;
	c->pos += 2;
	if ((st = zf_ddlp_qname(c, &v->name)) != ZF_OK)
		return st;
	c->stmt->object = zf_ddl_name_text(c->s, &v->name);
	zf_ddl_note_creator(c->s, v->name.qual);
	if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "(") &&
		(st = zf_ddlp_name_list(c, &v->ncols, &v->cols, false)) != ZF_OK)
		return st;
	if ((st = zf_ddlp_expect(c, "AS")) != ZF_OK)
		return st;

	/* WITH [CASCADED | LOCAL] CHECK OPTION at the very end */
	if (end - c->pos >= 3 && zf_ddlp_tok_is(&c->toks[end - 1], "OPTION") &&
		zf_ddlp_tok_is(&c->toks[end - 2], "CHECK"))
	{
		if (zf_ddlp_tok_is(&c->toks[end - 3], "WITH"))
			v->check_option = "CASCADED", end -= 3;
		else if (end - c->pos >= 4 && zf_ddlp_tok_is(&c->toks[end - 4], "WITH") &&
				 (zf_ddlp_tok_is(&c->toks[end - 3], "CASCADED") || zf_ddlp_tok_is(&c->toks[end - 3], "LOCAL")))
			v->check_option = c->toks[end - 3].text, end -= 4;
	}
	if (end <= c->pos)
		return zf_ddlp_error(c, "a fullselect");
	v->body.first = c->pos;
	v->body.end = end;
	c->pos = c->end;
	return ZF_OK;
}

/* CREATE [PUBLIC] ALIAS name FOR [TABLE | SEQUENCE] target, CREATE SYNONYM name FOR table */
zf_status
zf_ddl_parse_create_alias(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_alias  *a = stmt_payload(c, ST_CREATE_ALIAS, "CREATE ALIAS", sizeof(ddl_alias));
	zf_status	st;

	(void) ps;
	if (a == NULL)
		return zf_ddlp_nomem(c);
	c->stmt->u.alias = a;
	c->pos++;
	if (zf_ddlp_accept(c, "SYNONYM"))
	{
		a->synonym = true;
		c->stmt->kind_text = "CREATE SYNONYM";
	}
	else
	{
		zf_ddlp_accept(c, "PUBLIC");
		c->pos++;				/* ALIAS */
	}
	if ((st = zf_ddlp_qname(c, &a->name)) != ZF_OK || (st = zf_ddlp_expect(c, "FOR")) != ZF_OK)
		return st;
	c->stmt->object = zf_ddl_name_text(c->s, &a->name);
	if (zf_ddlp_accept(c, "SEQUENCE"))
		a->sequence = true;
	else
		zf_ddlp_accept(c, "TABLE");
	if ((st = zf_ddlp_qname(c, &a->target)) != ZF_OK)
		return st;
	zf_ddl_note_creator(c->s, a->name.qual);
	zf_ddl_note_creator(c->s, a->target.qual);
	if (!zf_ddlp_at_end(c))
		return zf_ddlp_error(c, "the end of the statement");
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * CREATE SEQUENCE, CREATE [DISTINCT] TYPE
 * ---------------------------------------------------------------------
 */

/* CREATE SEQUENCE name [AS type] [options] */
zf_status
zf_ddl_parse_create_sequence(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_sequence *sq = stmt_payload(c, ST_CREATE_SEQUENCE, "CREATE SEQUENCE",
									sizeof(ddl_sequence));
	zf_status	st;

	(void) ps;
	if (sq == NULL)
		return zf_ddlp_nomem(c);
	c->stmt->u.sequence = sq;
	c->pos += 2;
	if ((st = zf_ddlp_qname(c, &sq->name)) != ZF_OK)
		return st;
	c->stmt->object = zf_ddl_name_text(c->s, &sq->name);
	zf_ddl_note_creator(c->s, sq->name.qual);
	while (!zf_ddlp_at_end(c))
	{
		ddl_clause	cl;

		if (zf_ddlp_accept(c, "AS"))
		{
			if ((st = zf_ddl_parse_type(c, &sq->as_type)) != ZF_OK)
				return st;
			sq->has_type = true;
			continue;
		}
		if ((st = zf_ddl_parse_seqopts(c, &sq->seq, false)) != ZF_OK)
			return st;
		if (zf_ddlp_at_end(c))
			break;
		if (zf_ddlp_is(c, "AS"))
			continue;
		if ((st = zf_ddl_skip_unknown(c, CTX_SEQUENCE, &cl)) != ZF_OK ||
			(st = zf_ddl_add_clause(c, &sq->clauses, &cl)) != ZF_OK)
			return st;
	}
	return ZF_OK;
}

/*
 * CREATE [DISTINCT] TYPE name AS source-type [WITH COMPARISONS] ...
 * Other kinds of types return ZF_E_UNSUPPORTED (the caller treats the
 * statement as unknown).
 */
zf_status
zf_ddl_parse_create_type(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_dtype  *dt = zf_arena_alloc(&c->s->arena, sizeof(ddl_dtype));
	const char *key;
	zf_status	st;

	(void) ps;
	if (dt == NULL)
		return zf_ddlp_nomem(c);
	c->pos++;
	zf_ddlp_accept(c, "DISTINCT");
	c->pos++;					/* TYPE */
	if ((st = zf_ddlp_qname(c, &dt->name)) != ZF_OK)
		return st;
	if (!zf_ddlp_accept(c, "AS") || zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
		return ZF_E_UNSUPPORTED;
	c->stmt->kind = ST_CREATE_TYPE;
	c->stmt->kind_text = "CREATE TYPE";
	c->stmt->u.dtype = dt;
	c->stmt->object = zf_ddl_name_text(c->s, &dt->name);
	zf_ddl_note_creator(c->s, dt->name.qual);
	if ((st = zf_ddl_parse_type(c, &dt->base)) != ZF_OK)
		return st;
	while (!zf_ddlp_at_end(c))
	{
		ddl_clause	cl;

		if (zf_ddlp_accept(c, "WITH COMPARISONS"))
			continue;
		if (zf_ddlp_accept(c, "FOR SBCS DATA"))
			dt->base.pub.subtype = ZF_DB2_SUBTYPE_SBCS;
		else if (zf_ddlp_accept(c, "FOR MIXED DATA"))
			dt->base.pub.subtype = ZF_DB2_SUBTYPE_MIXED;
		else if (zf_ddlp_accept(c, "FOR BIT DATA"))
			dt->base.pub.subtype = ZF_DB2_SUBTYPE_BIT;
		else if ((st = zf_ddl_skip_unknown(c, CTX_SEQUENCE, &cl)) != ZF_OK ||
				 (st = zf_ddl_add_clause(c, &dt->clauses, &cl)) != ZF_OK)
			return st;
	}
	key = zf_ddl_model_key(&c->s->arena, dt->name.qual ? dt->name.qual :
						c->stmt->default_qual, dt->name.name);
	if (key == NULL || !zf_ddl_map_put(&c->s->type_map, key, dt))
		return zf_ddlp_nomem(c);
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * ALTER TABLE
 * ---------------------------------------------------------------------
 */

/* Index of the next top-level ADD/ALTER/DROP/... (the next action). */
static int
next_action(const ddl_cur *c)
{
	int			depth = 0;

	for (int p = c->pos + 1; p < c->end; p++)
	{
		const ddl_token *t = &c->toks[p];

		if (zf_ddlp_tok_punct(t, "("))
			depth++;
		else if (zf_ddlp_tok_punct(t, ")"))
			depth--;
		else if (depth == 0 && (zf_ddlp_tok_is(t, "ADD") || zf_ddlp_tok_is(t, "ALTER") ||
								zf_ddlp_tok_is(t, "DROP") || zf_ddlp_tok_is(t, "ROTATE") ||
								zf_ddlp_tok_is(t, "RENAME")))
		{
			/* "DROP DEFAULT", "SET DEFAULT" belong to ALTER COLUMN */
			if (zf_ddlp_tok_is(t, "DROP") && p + 1 < c->end &&
				zf_ddlp_tok_is(&c->toks[p + 1], "DEFAULT"))
				continue;
			/* "ADD RESTRICT ON DROP": that DROP is not an action */
			if (zf_ddlp_tok_is(t, "DROP") && p > 0 && zf_ddlp_tok_is(&c->toks[p - 1], "ON"))
				continue;
			return p;
		}
	}
	return c->end;
}

/* Append an action of the given kind to an ALTER TABLE. */
static ddl_alter_action *
add_action(ddl_cur *c, ddl_alter *al, ddl_alter_kind kind)
{
	ddl_alter_action *a = zf_arena_push(&c->s->arena, (void **) &al->actions,
									 &al->nactions, &al->capactions,
									 sizeof(ddl_alter_action));

	if (a != NULL)
		a->kind = kind;
	return a;
}

/* Keep an action we do not convert, with advice for the note. */
static zf_status
dropped_action(ddl_cur *c, ddl_alter *al, int start, int end, const char *advice,
			   bool unknown)
{
	ddl_alter_action *a = add_action(c, al, AL_DROPPED);

	if (a == NULL || (a->clause.text = zf_ddl_range_text(c->s, start, end)) == NULL)
		return zf_ddlp_nomem(c);
	a->clause.advice = advice;
	a->clause.unknown = unknown;
	c->pos = end;
	return ZF_OK;
}

/* One ALTER TABLE action in [pos, end). */
static zf_status
alter_action(ddl_cur *c, ddl_alter *al, ddl_table *model)
{
	ddl_alter_action *a;
	zf_status	st;
	int			start = c->pos;
	ddl_clause	cl;

	/* DB2 also takes a constraint without ADD: ALTER TABLE t FOREIGN KEY ... */
	if (zf_ddl_is_constraint_start(c))
	{
		if ((a = add_action(c, al, AL_ADD_CONSTRAINT)) == NULL ||
			(a->con = zf_arena_alloc(&c->s->arena, sizeof(ddl_constraint))) == NULL)
			return zf_ddlp_nomem(c);
		if ((st = zf_ddl_parse_constraint(c, a->con)) != ZF_OK)
			return st;
		return zf_ddlp_at_end(c) ? ZF_OK : zf_ddlp_error(c, "the next ALTER TABLE clause");
	}
	if (zf_ddlp_is(c, "ADD"))
	{
		if (zf_ddlp_is(c, "ADD PERIOD") || zf_ddlp_is(c, "ADD VERSIONING") ||
			zf_ddlp_is(c, "ADD PARTITION") || zf_ddlp_is(c, "ADD MATERIALIZED QUERY") ||
			zf_ddlp_is(c, "ADD ORGANIZE") || zf_ddlp_is(c, "ADD CLONE") ||
			zf_ddlp_is(c, "ADD SCOPE"))
			return dropped_action(c, al, start, c->end,
								  "not converted: change the PostgreSQL table by hand if needed",
								  false);
		if (zf_ddlp_is(c, "ADD RESTRICT ON DROP"))
		{
			if (zf_ddl_match_clause(c, CTX_ALTER, &cl))
				return dropped_action(c, al, start, c->pos, cl.advice, false);
		}
		c->pos++;
		if (zf_ddl_is_constraint_start(c))
		{
			if ((a = add_action(c, al, AL_ADD_CONSTRAINT)) == NULL ||
				(a->con = zf_arena_alloc(&c->s->arena, sizeof(ddl_constraint))) == NULL)
				return zf_ddlp_nomem(c);
			if ((st = zf_ddl_parse_constraint(c, a->con)) != ZF_OK)
				return st;
			return zf_ddlp_at_end(c) ? ZF_OK : zf_ddlp_error(c, "the next ALTER TABLE clause");
		}
		zf_ddlp_accept(c, "COLUMN");
		if ((a = add_action(c, al, AL_ADD_COLUMN)) == NULL ||
			(a->column = zf_arena_alloc(&c->s->arena, sizeof(ddl_column))) == NULL)
			return zf_ddlp_nomem(c);
		if ((st = zf_ddl_parse_column(c, a->column, false)) != ZF_OK)
			return st;
		if (model != NULL)
		{
			ddl_column *copy = zf_arena_alloc(&c->s->arena, sizeof(ddl_column));

			if (copy == NULL)
				return zf_ddlp_nomem(c);
			*copy = *a->column;
			return zf_ddl_table_add_column(c, model, copy);
		}
		return ZF_OK;
	}

	if (zf_ddlp_is(c, "ALTER PART") || zf_ddlp_is(c, "ALTER PARTITION"))
		return dropped_action(c, al, start, c->end,
							  "partition changes are not converted: change the PostgreSQL partitions by hand if needed",
							  false);
	if (zf_ddlp_accept(c, "ALTER"))
	{
		const char *colname;

		zf_ddlp_accept(c, "COLUMN");
		if ((st = zf_ddlp_ident(c, &colname)) != ZF_OK)
			return st;
		if (zf_ddlp_accept(c, "SET DATA TYPE"))
		{
			if ((a = add_action(c, al, AL_SET_TYPE)) == NULL ||
				(a->column = zf_arena_alloc(&c->s->arena, sizeof(ddl_column))) == NULL)
				return zf_ddlp_nomem(c);
			a->colname = colname;
			a->column->pub.name = colname;
			if ((st = zf_ddl_parse_column(c, a->column, true)) != ZF_OK)
				return st;
			if (model != NULL)
			{
				for (int i = 0; i < model->pub.ncolumns; i++)
				{
					ddl_column *mc = model->cols[i];

					if (strcmp(mc->pub.name, colname) == 0)
					{
						mc->pub.type = a->column->pub.type;
						mc->pub.type_name = a->column->pub.type_name;
						mc->pub.length = a->column->pub.length;
						mc->pub.precision = a->column->pub.precision;
						mc->pub.scale = a->column->pub.scale;
						mc->precision_given = a->column->precision_given;
						a->column->pub.subtype = mc->pub.subtype;
					}
				}
			}
		}
		else if (zf_ddlp_accept(c, "SET WITH DEFAULT") || zf_ddlp_accept(c, "SET DEFAULT"))
		{
			if ((a = add_action(c, al, AL_SET_DEFAULT)) == NULL)
				return zf_ddlp_nomem(c);
			a->colname = colname;
			a->dflt.first = c->pos;
			a->dflt.end = c->end;
			if (a->dflt.first >= a->dflt.end)
				return zf_ddlp_error(c, "a default value");
			c->pos = c->end;
		}
		else if (zf_ddlp_accept(c, "DROP DEFAULT"))
		{
			if ((a = add_action(c, al, AL_DROP_DEFAULT)) == NULL)
				return zf_ddlp_nomem(c);
			a->colname = colname;
		}
		else
			return dropped_action(c, al, start, c->end,
								  "not converted: change the column by hand if needed",
								  false);
		return zf_ddlp_at_end(c) ? ZF_OK : zf_ddlp_error(c, "the next ALTER TABLE clause");
	}

	if (zf_ddlp_is(c, "DROP"))
	{
		if (zf_ddlp_is(c, "DROP RESTRICT ON DROP") && zf_ddl_match_clause(c, CTX_ALTER, &cl))
			return dropped_action(c, al, start, c->pos, cl.advice, false);
		c->pos++;
		if (zf_ddlp_accept(c, "PRIMARY KEY"))
			return add_action(c, al, AL_DROP_PK) ? ZF_OK : zf_ddlp_nomem(c);
		if (zf_ddlp_accept(c, "FOREIGN KEY") || zf_ddlp_accept(c, "UNIQUE") ||
			zf_ddlp_accept(c, "CHECK") || zf_ddlp_accept(c, "CONSTRAINT"))
		{
			if ((a = add_action(c, al, AL_DROP_CONSTRAINT)) == NULL)
				return zf_ddlp_nomem(c);
			return zf_ddlp_ident(c, &a->conname);
		}
		if (zf_ddlp_is(c, "MATERIALIZED") || zf_ddlp_is(c, "VERSIONING") ||
			zf_ddlp_is(c, "ORGANIZATION") || zf_ddlp_is(c, "CLONE"))
			return dropped_action(c, al, start, c->end, NULL, false);
		zf_ddlp_accept(c, "COLUMN");
		if ((a = add_action(c, al, AL_DROP_COLUMN)) == NULL)
			return zf_ddlp_nomem(c);
		if ((st = zf_ddlp_ident(c, &a->colname)) != ZF_OK)
			return st;
		zf_ddlp_accept(c, "RESTRICT");
		if (model != NULL)
		{
			for (int i = 0; i < model->pub.ncolumns; i++)
			{
				if (strcmp(model->cols[i]->pub.name, a->colname) == 0)
				{
					memmove(&model->cols[i], &model->cols[i + 1],
							sizeof(ddl_column *) * (size_t) (model->pub.ncolumns - i - 1));
					model->pub.ncolumns--;
					break;
				}
			}
		}
		return ZF_OK;
	}

	if (zf_ddlp_is(c, "ROTATE") || zf_ddlp_is(c, "RENAME"))
		return dropped_action(c, al, start, c->end,
							  "not converted: change the PostgreSQL table by hand if needed",
							  false);
	if (zf_ddl_match_clause(c, CTX_ALTER, &cl))
		return dropped_action(c, al, start, c->pos, cl.advice, false);
	return dropped_action(c, al, start, c->end, NULL, true);
}

/* ALTER TABLE name action [action ...] */
zf_status
zf_ddl_parse_alter_table(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_alter  *al = stmt_payload(c, ST_ALTER_TABLE, "ALTER TABLE", sizeof(ddl_alter));
	ddl_table  *model;
	zf_status	st;

	(void) ps;
	if (al == NULL)
		return zf_ddlp_nomem(c);
	c->stmt->u.alter = al;
	c->pos += 2;
	if ((st = zf_ddlp_qname(c, &al->table)) != ZF_OK)
		return st;
	c->stmt->object = zf_ddl_name_text(c->s, &al->table);
	zf_ddl_note_creator(c->s, al->table.qual);
	model = zf_ddl_model_lookup(c, &al->table);
	if (zf_ddlp_at_end(c))
		return zf_ddlp_error(c, "an ALTER TABLE clause");
	while (!zf_ddlp_at_end(c))
	{
		ddl_cur		sub = *c;

		/* a storage clause or one action up to the next action */
		sub.end = next_action(c);
		if (zf_ddl_clause_starts(&sub, CTX_ALTER) && !zf_ddlp_is(&sub, "ADD") &&
			!zf_ddlp_is(&sub, "ALTER") && !zf_ddlp_is(&sub, "DROP"))
			sub.end = c->end;
		if ((st = alter_action(&sub, al, model)) != ZF_OK)
			return st;
		c->pos = sub.pos > c->pos ? sub.pos : sub.end;
	}
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * COMMENT ON, LABEL ON
 * ---------------------------------------------------------------------
 */

/* The string of a COMMENT/LABEL, for a column or (column NULL) the object. */
static zf_status
comment_item(ddl_cur *c, ddl_comment *cm, const char *column)
{
	ddl_comment_item *it;

	if (zf_ddlp_tok(c, 0)->kind != TK_STRING && zf_ddlp_tok(c, 0)->kind != TK_GSTRING)
		return zf_ddlp_error(c, "a string constant");
	it = zf_arena_push(&c->s->arena, (void **) &cm->items, &cm->nitems, &cm->capitems,
					sizeof(ddl_comment_item));
	if (it == NULL)
		return zf_ddlp_nomem(c);
	it->column = column;
	it->text = zf_ddlp_tok(c, 0)->text;
	c->pos++;
	return ZF_OK;
}

/* COMMENT ON / LABEL ON, the one-object and the multi-column forms. */
zf_status
zf_ddl_parse_comment(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_comment *cm;
	bool		label = zf_ddlp_is(c, "LABEL");
	zf_status	st;
	static const struct
	{
		const char *words;
		ddl_obj_kind kind;
	}			targets[] = {
		{"TABLE", OBJ_TABLE}, {"COLUMN", OBJ_COLUMN}, {"INDEX", OBJ_INDEX},
		{"ALIAS", OBJ_ALIAS}, {"SEQUENCE", OBJ_SEQUENCE},
		{"DISTINCT TYPE", OBJ_TYPE}, {"TYPE", OBJ_TYPE},
		{"PUBLIC ALIAS", OBJ_OTHER}, {"PACKAGE", OBJ_OTHER}, {"PLAN", OBJ_OTHER},
		{"TRIGGER", OBJ_OTHER}, {"PROCEDURE", OBJ_OTHER},
		{"SPECIFIC FUNCTION", OBJ_OTHER}, {"FUNCTION", OBJ_OTHER},
		{"ROLE", OBJ_OTHER}, {"TRUSTED CONTEXT", OBJ_OTHER}, {"MASK", OBJ_OTHER},
		{"PERMISSION", OBJ_OTHER}, {"VARIABLE", OBJ_OTHER},
	};

	(void) ps;
	cm = stmt_payload(c, ST_COMMENT, label ? "LABEL ON" : "COMMENT ON", sizeof(ddl_comment));
	if (cm == NULL)
		return zf_ddlp_nomem(c);
	c->stmt->u.comment = cm;
	cm->label = label;
	c->pos += 2;
	cm->target = OBJ_COLUMNS;
	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
	{
		int			start = c->pos;

		/* "COMMENT ON TABLE (...)" would be a table named TABLE: no */
		if (zf_ddlp_accept(c, targets[i].words))
		{
			if (!zf_ddlp_tok_is_ident(zf_ddlp_tok(c, 0)))
			{
				c->pos = start;
				continue;
			}
			cm->target = targets[i].kind;
			cm->target_word = targets[i].words;
			break;
		}
	}
	if (cm->target == OBJ_OTHER)
	{
		/* kept only as a note: the object name for it, then stop */
		if (zf_ddlp_tok_is_ident(zf_ddlp_tok(c, 0)) && zf_ddlp_qname(c, &cm->name) == ZF_OK)
			c->stmt->object = zf_ddl_name_text(c->s, &cm->name);
		c->pos = c->end;
		return ZF_OK;
	}
	if ((st = zf_ddlp_qname(c, &cm->name)) != ZF_OK)
		return st;
	if (cm->target == OBJ_COLUMN)
	{
		/* t.c or creator.t.c: shift the parts */
		const char *column = cm->name.name;

		if (cm->name.qual == NULL)
			return zf_ddlp_error(c, "a qualified column name");
		cm->name.name = cm->name.qual;
		cm->name.qual = cm->name.loc;
		cm->name.loc = NULL;
		zf_ddl_note_creator(c->s, cm->name.qual);
		c->stmt->object = zf_ddl_name_text(c->s, &cm->name);
		if ((st = zf_ddlp_expect(c, "IS")) != ZF_OK)
			return st;
		return comment_item(c, cm, column);
	}
	c->stmt->object = zf_ddl_name_text(c->s, &cm->name);
	zf_ddl_note_creator(c->s, cm->name.qual);
	if (cm->target == OBJ_COLUMNS)
	{
		int			gend;

		if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
		{
			/* COMMENT ON name IS '...' without a kind: a table */
			cm->target = OBJ_TABLE;
			if ((st = zf_ddlp_expect(c, "IS")) != ZF_OK)
				return st;
			return comment_item(c, cm, NULL);
		}
		gend = zf_ddlp_group_end(c);
		c->pos++;
		while (c->pos < gend)
		{
			const char *column;

			if ((st = zf_ddlp_ident(c, &column)) != ZF_OK ||
				(st = zf_ddlp_expect(c, "IS")) != ZF_OK ||
				(st = comment_item(c, cm, column)) != ZF_OK)
				return st;
			if (cm->nitems > DDL_MAX_COLUMNS)
				return zf_ddlp_error(c, "at most 1600 columns");
			if (c->pos < gend && (st = zf_ddlp_expect_punct(c, ",")) != ZF_OK)
				return st;
		}
		c->pos = gend + 1;
		return zf_ddlp_at_end(c) ? ZF_OK : zf_ddlp_error(c, "the end of the statement");
	}
	if ((st = zf_ddlp_expect(c, "IS")) != ZF_OK || (st = comment_item(c, cm, NULL)) != ZF_OK)
		return st;
	return zf_ddlp_at_end(c) ? ZF_OK : zf_ddlp_error(c, "the end of the statement");
}

/* ---------------------------------------------------------------------
 * SET CURRENT SQLID / SCHEMA, DROP, RENAME
 * ---------------------------------------------------------------------
 */

/* SET CURRENT SQLID / SET [CURRENT] SCHEMA: the qualifier for unqualified names. */
zf_status
zf_ddl_parse_set(ddl_cur *c, ddl_parse_state *ps)
{
	bool		sqlid = zf_ddlp_is(c, "SET CURRENT SQLID");
	const ddl_token *t;
	const char *value = NULL;

	c->stmt->kind = ST_SET_SCHEMA;
	if (sqlid)
	{
		c->stmt->kind_text = "SET CURRENT SQLID";
		c->pos += 3;
	}
	else
	{
		c->stmt->kind_text = zf_ddlp_is(c, "SET SCHEMA") ? "SET SCHEMA" : "SET CURRENT SCHEMA";
		c->pos += zf_ddlp_is(c, "SET CURRENT SCHEMA") ? 3 : 2;
	}
	zf_ddlp_accept_punct(c, "=");
	t = zf_ddlp_tok(c, 0);
	if (t->kind == TK_STRING || t->kind == TK_DELIM)
		value = t->text;
	else if (zf_ddlp_tok_is(t, "USER") || zf_ddlp_tok_is(t, "SESSION_USER") || zf_ddlp_tok_is(t, "DEFAULT") ||
			 zf_ddlp_tok_is(t, "CURRENT_USER"))
		value = NULL;
	else if (t->kind == TK_WORD)
		value = t->text;
	else
		return zf_ddlp_error(c, "a schema name");
	c->pos++;
	if (!zf_ddlp_at_end(c))
		return zf_ddlp_error(c, "the end of the statement");
	if (value != NULL && value[0] == '\0')
		return zf_ddlp_error(c, "a schema name");
	if (sqlid)
		ps->sqlid = value;
	else
		ps->schema = value;
	c->stmt->u.schema = ps->schema ? ps->schema : ps->sqlid;
	c->stmt->object = value;
	zf_ddl_note_creator(c->s, value);
	return ZF_OK;
}

/* DROP object name [RESTRICT] */
zf_status
zf_ddl_parse_drop(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_drop   *d = stmt_payload(c, ST_DROP, "DROP", sizeof(ddl_drop));
	static const struct
	{
		const char *words;
		ddl_obj_kind kind;
	}			targets[] = {
		{"TABLE", OBJ_TABLE}, {"VIEW", OBJ_VIEW}, {"INDEX", OBJ_INDEX},
		{"ALIAS", OBJ_ALIAS}, {"SYNONYM", OBJ_SYNONYM}, {"SEQUENCE", OBJ_SEQUENCE},
		{"DISTINCT TYPE", OBJ_TYPE}, {"TYPE", OBJ_TYPE},
	};
	zf_status	st;
	bool		other_word;

	(void) ps;
	if (d == NULL)
		return zf_ddlp_nomem(c);
	c->stmt->u.drop = d;
	c->pos++;
	d->target = OBJ_OTHER;
	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
	{
		if (zf_ddlp_accept(c, targets[i].words))
		{
			d->target = targets[i].kind;
			d->target_word = targets[i].words;
			break;
		}
	}
	if (d->target == OBJ_OTHER)
	{
		d->target_word = zf_ddlp_tok(c, 0)->kind == TK_WORD ? zf_ddlp_tok(c, 0)->text : "";
		c->stmt->kind = ST_DROPPED;
		c->stmt->reason = strcmp(d->target_word, "TABLESPACE") == 0 ?
			"DB2 table spaces have no PostgreSQL counterpart (in DB2 this also drops the tables in it: drop those tables explicitly)" :
			strcmp(d->target_word, "DATABASE") == 0 ?
			"DB2 databases have no PostgreSQL counterpart (in DB2 this also drops every table space and table in it: drop those tables explicitly)" :
			"this kind of object has no PostgreSQL counterpart";
	}
	/* the unknown object word, when there is one before the statement's end */
	other_word = d->target == OBJ_OTHER && !zf_ddlp_at_end(c);
	c->stmt->kind_text = zf_ddl_range_text(c->s, c->stmt->span.first, c->pos +
										(other_word ? 1 : 0));
	if (other_word)
		c->pos++;
	if ((st = zf_ddlp_qname(c, &d->name)) != ZF_OK)
		return st;
	c->stmt->object = zf_ddl_name_text(c->s, &d->name);
	zf_ddl_note_creator(c->s, d->name.qual);
	zf_ddlp_accept(c, "RESTRICT");
	c->pos = c->end;
	return ZF_OK;
}

/* RENAME [TABLE | INDEX] name TO new-name */
zf_status
zf_ddl_parse_rename(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_rename *r = stmt_payload(c, ST_RENAME, "RENAME", sizeof(ddl_rename));
	zf_status	st;

	(void) ps;
	if (r == NULL)
		return zf_ddlp_nomem(c);
	c->stmt->u.rename = r;
	c->pos++;
	r->target = OBJ_TABLE;
	if (zf_ddlp_accept(c, "INDEX"))
		r->target = OBJ_INDEX;
	else
		zf_ddlp_accept(c, "TABLE");
	if ((st = zf_ddlp_qname(c, &r->from)) != ZF_OK || (st = zf_ddlp_expect(c, "TO")) != ZF_OK ||
		(st = zf_ddlp_ident(c, &r->to)) != ZF_OK)
		return st;
	c->stmt->kind_text = r->target == OBJ_INDEX ? "RENAME INDEX" : "RENAME TABLE";
	c->stmt->object = zf_ddl_name_text(c->s, &r->from);
	zf_ddl_note_creator(c->s, r->from.qual);
	return zf_ddlp_at_end(c) ? ZF_OK : zf_ddlp_error(c, "the end of the statement");
}
