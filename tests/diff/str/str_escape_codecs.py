# unicode_escape, raw_unicode_escape and utf-8-sig codecs: escapes, error ranges and messages, error handlers, round trips.
tests=[b'plain', b'\\n\\t\\\\', b'\\x41\\u00e9\\U0001F600', b'\\101\\0\\17', b'\\N{BULLET}', b'caf\xe9', b'\\x4', b'\\u12', b'\\U00110000', b'end\\', b'\\N{NOPE}', b'\\N{', b'\\N', b'\\N{}', b'a\\\nb', b'\\a\\b\\f\\v\\\'\\"', b'\\\\u0041', b'\\\\\\u0041', b'\\U0001F6', b'x\\xzz']
for b in tests:
    for enc in ['unicode_escape', 'raw_unicode_escape']:
        try: print(enc, b, ascii(b.decode(enc)))
        except Exception as e: print(enc, b, type(e).__name__, e)
for s in ['plain', 'tab\t\n\r', 'q\'"\\', '\x00\x7f\x80\xff', '\u20ac\U0001F600', '\ud800', '']:
    print(ascii(s), s.encode('unicode_escape'), s.encode('raw_unicode_escape'), s.encode('unicode-escape').decode('unicode-escape') == s)
for b in [b'\\x4', b'end\\', b'\\U00110000', b'\\N{NOPE}x']:
    for h in ['replace', 'ignore', 'backslashreplace']:
        print(b, h, ascii(b.decode('unicode_escape', h)))
print(str(b'\\u00e9', 'unicode_escape'), bytes('é', 'raw_unicode_escape'), b'\xef\xbb\xbfabc'.decode('utf-8-sig'), 'a'.encode('utf-8-sig'))
