# encode/decode with utf-8, latin-1, ascii and error handlers.
s = "héllo €\U0001F600"
print(s.encode(), s.encode("utf-8"), len(s.encode()))
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "xmlcharrefreplace"))
print(s.encode("ascii", "backslashreplace"), "é".encode("latin-1"), "é".encode("utf-16-le"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
try:
    "€".encode("latin-1")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
b = "héllo".encode()
print(b.decode(), b.decode("latin-1"), b.decode("ascii", "replace"), b.decode("ascii", "ignore"))
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    b"\xc3".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print(b"\xff".decode("utf-8", "backslashreplace"), b"a\xffb".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
print(str(b"abc", "ascii"), str(b"\xe2\x82\xac", "utf-8"), "\ud800".encode("utf-8", "surrogatepass"))
try:
    "\ud800".encode()
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError", e)
print("abc".encode("utf-32-be"), "Aé".encode("utf_8"), "Aé".encode("UTF8"))
