#!/usr/bin/env python3
#-------------------------------------------------------------------------
#
# seeds.py
#	  Gather the seed corpora of the fuzz targets at run time, from the
#	  test fixtures (test/data), the peer conformance suites and DB2
#	  samples in ../shared (never copied into the repository), and a few
#	  hand-written values.  Each seed is written in the target's own input
#	  format (option bytes first, see each fuzz_*.c).
#
#	seeds.py OUTDIR TARGET...	write OUTDIR/TARGET/seed-*
#
#-------------------------------------------------------------------------
import glob
import hashlib
import os
import bz2
import gzip
import struct
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SHARED = os.path.abspath(os.path.join(ROOT, '..', 'shared'))
CONF = os.path.join(SHARED, 'conformance')
MAX_SEED = 64 * 1024


def read(path, limit=MAX_SEED):
    try:
        with open(path, 'rb') as f:
            return f.read(limit)
    except OSError:
        return None


def files(*patterns):
    out = []
    for p in patterns:
        out.extend(sorted(glob.glob(p, recursive=True)))
    return [f for f in out if os.path.isfile(f)]


def data_files():
    return files(os.path.join(ROOT, 'test/data/**/*.dat'),
                 os.path.join(CONF, '**/*.dat'), os.path.join(CONF, '**/*.bin'),
                 os.path.join(CONF, '**/*.ebc'), os.path.join(CONF, '**/*.txt'),
                 os.path.join(CONF, '**/*.csv'))


def copybooks():
    out = []
    for f in files(os.path.join(ROOT, 'test/data/**/*.cpy'),
                   os.path.join(CONF, '**/*.cpy'), os.path.join(CONF, '**/*.cob'),
                   os.path.join(CONF, '**/*.cbl')):
        text = read(f)
        # COBOL programs (GnuCOBOL generators) are not copybooks
        if text and b'PROCEDURE DIVISION' not in text.upper():
            out.append((f, text))
    return out


def ebcdic(s):
    return s.encode('cp037')


def seeds_copybook():
    for path, text in copybooks():
        yield b'\x00' + text
        # with the first bytes of a data file next to it
        d = os.path.dirname(path)
        near = files(os.path.join(d, '*.dat'), os.path.join(d, '*.bin'),
                     os.path.join(d, '..', 'data', '*.dat'),
                     os.path.join(d, '..', 'data', '*.bin'))
        if near:
            rec = read(near[0], 2048) or b''
            yield b'\x00' + text + b'\x00' + rec
            yield b'\x10' + text + b'\x00' + rec


def chunks(text, size=3000):
    """Cut a script at statement ends into pieces of about size bytes."""
    out, cur = [], b''
    for stmt in text.split(b';'):
        if cur and len(cur) + len(stmt) > size:
            out.append(cur)
            cur = b''
        cur += stmt + b';'
    if cur.strip(b'; \r\n'):
        out.append(cur)
    return out


def seeds_db2ddl():
    # whole scripts are slow to fuzz: statement groups of a few KiB
    for f in files(os.path.join(SHARED, 'db2ddl', '*.sql')):
        for piece in chunks(read(f, 1 << 20)):
            yield b'\x00\x00' + piece
            yield b'\x08\x53' + piece


def seeds_punch():
    for f in files(os.path.join(SHARED, 'db2ddl', 'punch-*')):
        yield b'\x00' + read(f)
    # our own punches (test/data/punch), with the first bytes of their data
    for f in files(os.path.join(ROOT, 'test/data/punch/*.punch')):
        text = read(f)
        base = os.path.splitext(f)[0]
        dat = read(base + '.dat', 1024) or b''
        ddl = read(base + '.ddl')
        yield b'\x00' + text
        yield b'\x00' + text + b'\x00' + dat
        if ddl:
            yield b'\x40' + ddl + b'\x00' + text + b'\x00' + dat
    ddl = read(os.path.join(SHARED, 'db2ddl', 'ddl-v7style-orcamentoitecob.sql'))
    punch = read(os.path.join(SHARED, 'db2ddl', 'punch-unload-orcamentoitecob.jcl'))
    if ddl and punch:
        yield b'\x40' + ddl + b'\x00' + punch


def record_opts(recfm, flags=0, lrecl=0, bufsize=0):
    # recfm flags lrecl(2) header trailer maxrec(2) bufsize range seek term
    return struct.pack('>BBHBBHBBBB', recfm, flags, lrecl, 0, 0, 0, bufsize, 0, 0, 0)


def seeds_record():
    hand = os.path.join(ROOT, 'test/data/hand')
    for name, lrecl in (('explicit.dat', 20), ('bad_packed.dat', 20),
                        ('short.dat', 20), ('bad2.dat', 20)):
        b = read(os.path.join(hand, name))
        if b:
            yield record_opts(0, 0, lrecl, 7) + b
    for name in ('rdw.dat', 'bad_rdw.dat'):
        b = read(os.path.join(hand, name))
        if b:
            yield record_opts(1, 0, 0, 3) + b
            yield record_opts(3, 0, 0, 5) + b
    for f in data_files():
        b = read(f, 4096)
        if not b:
            continue
        low = f.lower()
        if 'bdw' in low:
            yield record_opts(2, 0, 0, 16) + b
            yield record_opts(2, 0x0C, 0, 16) + b
        elif 'rdw' in low or '_vb' in low or 'vrl' in low:
            yield record_opts(1, 0, 0, 16) + b
            yield record_opts(1, 0x03, 0, 16) + b
        elif low.endswith(('.txt', '.csv')):
            yield record_opts(4, 0, 0, 16) + b
        else:
            yield record_opts(0, 0, 80, 16) + b
    # spanned records, with and without blocks (record.h's layout)
    yield record_opts(3, 0, 0, 2) + bytes.fromhex(
        '00070000C1C2C3' '00060100C4C5' '00050300C6' '00060200C7C8' '00050000C9')
    yield record_opts(3, 0x10, 0, 3) + bytes.fromhex(
        '00110000' '00070000C1C2C3' '00060100C4C5'
        '00140000' '00050300C6' '00060200C7C8' '8000000000'
        '00090000' '00050000C9')
    yield record_opts(4, 0, 0, 1) + b'line one\r\nline two\nlast'
    yield record_opts(4, 1, 0, 4) + ebcdic('EBCDIC') + b'\x15' + ebcdic('TEXT') + b'\x15'


def seeds_inspect():
    for f in data_files():
        b = read(f, 8192)
        if b:
            yield b'\x00\x00\x00\x00' + b
            yield b'\x02\x02\x00\x14' + b


def seeds_plausible():
    # flags, page, lrecl (2), layout (2), span, accept; then the file start
    for f in data_files():
        b = read(f, 8192)
        if b:
            yield b'\x02\x00\x00\xf0\x00\x78\x32\x00' + b
            yield b'\x04\x01\x00\x00\x00\x0a\x40\x01' + b
            yield b'\x00\x03\x00\x14\x00\x14\x20\x00' + b


def seeds_decimal():
    # op flags field: 0 packed, 1 zoned, 2 binary, 3 edited, 4 text
    yield b'\x00\x01' + bytes.fromhex('12345C')
    yield b'\x00\x01' + bytes.fromhex('0000001D')
    yield b'\x00\x00' + bytes.fromhex('99999999999999999999999999999999999999F'.ljust(40, 'F'))
    yield b'\x01\x01' + ebcdic('1234') + b'\xC5'
    yield b'\x01\x02' + b'\xD1' + ebcdic('234')
    yield b'\x01\x03' + ebcdic('1234') + b'\x60'
    yield b'\x01\x04' + b'\x4E' + ebcdic('1234')
    yield b'\x01\x09' + b'123}'
    yield b'\x01\x09' + b'12p'
    yield b'\x02\x01' + bytes.fromhex('FFFE')
    yield b'\x02\x03' + bytes.fromhex('0102030405060708090A0B0C0D0E0F10')
    for pic, text in ((b'ZZ9.99', b' 12.50'), (b'$$,$$9.99CR', b'  $1,234.56CR'),
                      (b'-9(5)V99', b'-0012345'), (b'***,**9.99', b'****12.34'),
                      (b'+ZZZ9', b'-  12'), (b'9(3)B9(3)', b'123 456'),
                      (b'ZZ,ZZ9DB', b'  1,234DB'), (b'99/99/99', b'12/31/99')):
        yield b'\x03\x00' + pic + b'\x00' + text
    for text in (b'-12.5', b'+3', b'0.125', b'  42  ', b'1e5', b'.5'):
        yield b'\x04\x02' + text
        yield b'\x04\xFE' + text


def seeds_floats():
    for hexv in ('41100000', 'C276A000', '00000000', '7FFFFFFF', '00100000',
                 '4110000000000000', 'C276A00000000000', '7FFFFFFFFFFFFFFF',
                 '3F800000', '4059000000000000', '7FF0000000000000'):
        yield b'\x00' + bytes.fromhex(hexv)
        yield b'\x03' + bytes.fromhex(hexv)


def seeds_datetime():
    for s in (b'2024-03-31', b'03/31/2024', b'31.03.2024', b' 2024-3-1 ', b'0001-01-01'):
        yield b'\x00\x00' + s
    for s in (b'13.45.00', b'13:45:00', b'01:45 PM', b'12:00 AM', b'24.00.00', b'8:05'):
        yield b'\x01\x00' + s
    for s in (b'2024-03-31-13.45.00.123456', b'2024-03-31 13:45:00',
              b'2024-03-31T13:45:00.123456789012+05:30', b'2024-03-31-24.00.00',
              b'2024-03-31 13:45:00 -08:00', b'2024-03-31 13:45:00Z'):
        yield b'\x02\x00' + s
    for pic, text in ((b'YYYYMMDD', b'20240331'), (b'CYYMMDD', b'1240331'),
                      (b'YYYYDDD', b'2024091'), (b'YYMMDD', b'991231'),
                      (b'MM/DD/YYYY', b'03/31/2024'), (b'YYDDD', b'24366'),
                      (b'DD.MM.YY', b'31.03.24')):
        yield b'\x03\x32' + pic + b'\x00' + text
    yield b'\x04\x00' + bytes(range(16))
    for hexv in ('D9A8B1E2F0000000', 'DB7C0F5F2A3E1234', '00D9A8B1E2F0000000001234567890AB',
                 'D9A8B1E2F000', '00D9A8B1E2F000000000'):
        yield b'\x05\x00' + bytes.fromhex(hexv)


def seeds_decfloat():
    for hexv in ('2238000000000000', 'A238000000000001', '22380000000004D2',
                 '7800000000000000', '7C00000000000000', '7E00000000000000',
                 '2208000000000000000000000000000', '2207800000000000000000000000000',
                 '77FCFF3FCFF3FCFF', '6FFFFFFFFFFFFFFF'):
        b = bytes.fromhex(hexv.ljust(32 if len(hexv) > 16 else 16, '0'))
        yield b


def seeds_codepage():
    # page index (into zf_codepage_known_names), op, shrink, text
    samples = [read(os.path.join(ROOT, 'test/data/cobol/fixed_cp037.dat'), 200) or b'',
               read(os.path.join(ROOT, 'test/data/hand/explicit.dat'), 60) or b'']
    for page in range(0, 76, 3):
        for s in samples:
            yield bytes([page, 0, 0]) + s
        yield bytes([page, 3, 0]) + 'Grüße, ¥ ~ \\ 日本語'.encode('utf-8')
    for f in files(os.path.join(CONF, 'cobrix/derived_from_scala_tests/d07*/data/*.dat')):
        yield bytes([60, 0, 0]) + (read(f, 512) or b'')
        yield bytes([60, 1, 0]) + (read(f, 512) or b'')
    for f in files(os.path.join(CONF, 'cobrix/derived_from_scala_tests/d04*/data/*.dat')):
        yield bytes([0, 2, 0]) + (read(f, 512) or b'')
    for name in (b'cp037', b'IBM-1047', b'ccsid930', b'37', b'latin-1', b'utf-8'):
        yield bytes([0, 4, 0]) + name


def seeds_delimited():
    for f in files(os.path.join(CONF, '**/*.csv'), os.path.join(CONF, '**/ascii.txt')):
        yield b'\x00\x00\x00\x00' + (read(f, 4096) or b'')
    yield b'\x00\x00\x00\x00' + b'a,"b ""q"" c",,3\n"multi\nline",x\n'
    yield b'\x00\x00\x00\x00' + b'"ID";"NAME";"AMOUNT"\r\n1;"A;B";12,50\r\n'


def seeds_value():
    # kind flags offset length extra, then the record
    yield b'\x00\x01\x02\x05\x02' + bytes.fromhex('0000012345678C')
    yield b'\x00\x01\x00\x02\x00' + bytes.fromhex('123D')
    yield b'\x01\x01\x00\x05\x00' + ebcdic('1234') + b'\xD5'
    yield b'\x02\x00\x01\x04\x00' + bytes.fromhex('00FFFFFFFE')
    yield b'\x03\x02\x00\x06\x82' + ebcdic(' AB   ')
    yield b'\x03\x08\x00\x04\x00' + b'\xC1\x00\x40\x00'
    yield b'\x04\x00\x00\x06\x00' + b'\x00\x03' + ebcdic('ABC ')
    yield b'\x05\x00\x00\x06\x00' + bytes.fromhex('000148F24040')
    yield b'\x06\x00\x00\x04\x00' + bytes.fromhex('48F24040')
    yield b'\x07\x00\x00\x06\x00' + bytes.fromhex('004130000020')


def seeds_tape():
    # 4 option bytes (file and name, RECFM, LRECL, step and member), then
    # the image: the generated tapes and the public samples
    tapes = files(os.path.join(ROOT, 'test', 'data', 'archive', '*.aws'),
                  os.path.join(ROOT, 'test', 'data', 'archive', '*.het'),
                  os.path.join(CONF, 'tape', '*.aws'),
                  os.path.join(CONF, 'tape', '*.het'))
    for f in tapes:
        b = read(f, 16384)
        if b:
            yield b'\x01\x00\x00\x00' + b
            yield b'\x02\x01\x28\x31' + b
            yield b'\x02\x00\x00\x80' + b


def seeds_tape_map():
    # 4 option bytes (file, LRECL, two offset bytes), then the image: the
    # generated tapes, among them the KSDS tape whose file 2 is mapped
    tapes = files(os.path.join(ROOT, 'test', 'data', 'archive', '*.aws'),
                  os.path.join(ROOT, 'test', 'data', 'archive', '*.het'),
                  os.path.join(CONF, 'tape', '*.aws'))
    for f in tapes:
        b = read(f, 16384)
        if b:
            yield b'\x01\x00\x00\x00' + b
            yield b'\x02\x00\x01\x10' + b
            yield b'\x06\x27\x00\x50' + b


def seeds_xmit():
    # 2 option bytes (member glob and step, RECFM), then the file
    xmits = files(os.path.join(ROOT, 'test', 'data', 'archive', '*.xmi'),
                  os.path.join(CONF, 'xmit', '*.xmi'))
    for f in xmits:
        b = read(f, 16384)
        if b:
            yield b'\x00\x00' + b
            yield b'\x01\x00' + b
            yield b'\x3a\x12' + b


def seeds_iebcopy():
    # 1 option byte (glob, RECFM, step), then an unload file: the libraries
    # of the XMIT samples extracted by test/data/archive/xmit_unload.py,
    # behind RDWs and in BDW blocks
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        'xmit_unload', os.path.join(ROOT, 'test', 'data', 'archive', 'xmit_unload.py'))
    xu = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(xu)
    for f in files(os.path.join(CONF, 'xmit', '*.xmi')):
        try:
            recs = xu.unload_records(open(f, 'rb').read())
        except SystemExit:
            continue
        yield b'\x00' + xu.with_rdws(recs)[:16384]
        yield b'\x83' + xu.in_blocks(recs, 3120)[:16384]
        yield b'\x09' + xu.in_blocks(recs, 800)[:16384]


def seeds_value_write():
    # kind flags digits/length scale, then the value
    yield b'\x01\x01\x07\x02' + b'-12345.67'
    yield b'\x00\x05\x03\x00' + b'123'
    yield b'\x02\x03\x04\x00' + b'-32768'
    yield b'\x02\x01\x09\x00' + b'999999999'
    yield b'\x03\x01\x00\x00' + bytes.fromhex('3FB999999999999A')
    yield b'\x03\x00\x00\x00' + bytes.fromhex('3FF0000000000000')
    yield b'\x04\x00\x0A\x00' + 'Zürich'.encode()
    yield b'\x04\x70\x0A\x00' + 'A漢字B'.encode()
    yield b'\x04\x74\x06\x00' + '漢字'.encode()
    yield b'\x04\x10\x03\x00' + 'ABCDEF'.encode()


def seeds_s3_xml():
    yield (b'<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
           b'<Name>b</Name><Prefix>u/</Prefix><KeyCount>2</KeyCount><IsTruncated>true</IsTruncated>'
           b'<NextContinuationToken>t&amp;1</NextContinuationToken>'
           b'<Contents><Key>u/a&lt;1&gt;.dat</Key><Size>80</Size><ETag>&quot;x&quot;</ETag></Contents>'
           b'<Contents><Key>u/&#xE9;&#233;</Key><Size>0</Size></Contents></ListBucketResult>')
    yield b'<ListBucketResult><IsTruncated>false</IsTruncated><!-- c --><Contents><Key><![CDATA[a]]></Key><Size>1</Size></Contents></ListBucketResult>'
    yield (b'<ListBucketResult><Contents><Key>land/f1.csv</Key><LastModified>2026-12-07T09:45:02.000Z</LastModified>'
           b'<ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>8</Size></Contents></ListBucketResult>')
    yield (b'<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.'
           b'</Message><Key>k</Key><RequestId>1</RequestId></Error>')
    yield (b'<?xml version="1.0" encoding="UTF-8"?>\n<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
           b'<Bucket>b</Bucket><Key>k</Key><UploadId>u-1&amp;2</UploadId></InitiateMultipartUploadResult>')
    yield (b'<CompleteMultipartUploadResult><Location>http://h/b/k</Location><Bucket>b</Bucket>'
           b'<Key>k</Key><ETag>&quot;3858f6-2&quot;</ETag></CompleteMultipartUploadResult>')


def seeds_s3_http():
    yield (b'\x00HTTP/1.1 206 Partial Content\r\nContent-Length: 100\r\n'
           b'Content-Range: bytes 100-199/5000\r\nETag: "abc"\r\n'
           b'Last-Modified: Mon, 07 Dec 2026 06:00:00 GMT\r\nRetry-After: 2\r\n\r\n')
    yield b'\x00HTTP/1.1 100 Continue\r\n\r\nHTTP/2 503\r\ncontent-length: 0\r\n\r\n'
    yield b'\x00HTTP/1.1 200 OK\r\nContent-Range: bytes 0-0/*\r\n'
    yield (b'\x01# c\n[default]\naws_access_key_id = AK1\naws_secret_access_key=SK1\n'
           b'[zfdw]\r\n aws_access_key_id= AK2 \r\naws_secret_access_key = SK2\r\naws_session_token = T\r\n'
           b'[profile x]\naws_access_key_id = AK3\n')


def compressed_seeds(compress):
    # option bytes (inner read size, caller's read size), then the stream:
    # some fixtures whole, two members one after the other, an empty one
    plain = [read(f, 3000) for f in data_files()[:12]]
    plain = [b for b in plain if b] + [b'', b'A' * 5000]
    for i, b in enumerate(plain):
        yield bytes([i * 7 % 64, i * 13 % 256]) + compress(b)
    if len(plain) > 1:
        yield b'\x03\x05' + compress(plain[0]) + compress(plain[1])


def zstd_compress(b):
    return subprocess.run(['zstd', '-q', '-c'], input=b, stdout=subprocess.PIPE,
                          check=True).stdout


def seeds_gzip():
    return compressed_seeds(lambda b: gzip.compress(b, mtime=0))


def seeds_bzip2():
    return compressed_seeds(bz2.compress)


def seeds_zstd():
    return compressed_seeds(zstd_compress)


def seeds_filter():
    # kind flags length scale constlen const, then the record
    yield b'\x00\x01\x02\x00\x02' + b'12' + bytes.fromhex('012C')
    yield b'\x00\x21\x02\x01\x04' + b'-1.5' + bytes.fromhex('015D')
    yield b'\x00\x01\x02\x00\x01' + b'0' + bytes.fromhex('000D')
    yield b'\x01\x41\x04\x02\x05' + b'12.34' + ebcdic('123') + b'\xC4'
    yield b'\x02\x31\x04\x00\x02' + b'-2' + bytes.fromhex('FFFFFFFE')
    yield b'\x03\x00\x04\x00\x02' + b'AB' + ebcdic('AB  ')
    yield b'\x03\x28\x04\x00\x03' + b'ABC' + ebcdic('    ')
    yield b'\x03\x50\x04\x00\x01' + b'B' + b'\x81\x40\x00\x40'


GATHER = {
    'fuzz_copybook': seeds_copybook,
    'fuzz_db2ddl': seeds_db2ddl,
    'fuzz_punch': seeds_punch,
    'fuzz_record': seeds_record,
    'fuzz_inspect': seeds_inspect,
    'fuzz_plausible': seeds_plausible,
    'fuzz_decimal': seeds_decimal,
    'fuzz_floats': seeds_floats,
    'fuzz_datetime': seeds_datetime,
    'fuzz_decfloat': seeds_decfloat,
    'fuzz_codepage': seeds_codepage,
    'fuzz_delimited': seeds_delimited,
    'fuzz_value': seeds_value,
    'fuzz_tape': seeds_tape,
    'fuzz_tape_map': seeds_tape_map,
    'fuzz_xmit': seeds_xmit,
    'fuzz_iebcopy': seeds_iebcopy,
    'fuzz_value_write': seeds_value_write,
    'fuzz_s3_xml': seeds_s3_xml,
    'fuzz_s3_http': seeds_s3_http,
    'fuzz_gzip': seeds_gzip,
    'fuzz_bzip2': seeds_bzip2,
    'fuzz_zstd': seeds_zstd,
    'fuzz_filter': seeds_filter,
}


def main():
    outdir = sys.argv[1]
    for target in sys.argv[2:]:
        gather = GATHER.get(target)
        d = os.path.join(outdir, target)
        os.makedirs(d, exist_ok=True)
        n = 0
        if gather:
            for seed in gather():
                if seed is None:
                    continue
                name = 'seed-' + hashlib.sha1(seed).hexdigest()[:16]
                with open(os.path.join(d, name), 'wb') as f:
                    f.write(seed[:MAX_SEED])
                n += 1
        print('%s: %d seeds' % (target, n))


if __name__ == '__main__':
    main()
