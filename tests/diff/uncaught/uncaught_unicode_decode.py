# Uncaught UnicodeDecodeError from bytes.decode: status 1, the last stderr line with codec, position and reason.
# exit: 1
data = b"ok \xff\xfe"
print(data[:3].decode())
print(data.decode("utf-8"))
