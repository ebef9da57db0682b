-- zfdw 1.0 to 1.1: changes to objects that 1.0 already had.  The objects
-- new in 1.1 come from the sql/ parts that 1.0 did not have, appended to
-- this file by zfdw.mk to make zfdw--1.0--1.1.sql.
\echo Use "ALTER EXTENSION zfdw UPDATE TO '1.1'" to load this file. \quit
