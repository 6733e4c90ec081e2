# An uncaught KeyboardInterrupt: the traceback, then python3 ends the process by
# re-raising SIGINT with its default action (killed by SIGINT, status 130 in a shell);
# finally blocks and handlers that re-raise run first.
def inner():
    try:
        raise KeyboardInterrupt
    finally:
        print("finally ran", flush=True)


try:
    inner()
except KeyboardInterrupt as e:
    print("caught", repr(e), isinstance(e, BaseException), isinstance(e, Exception))

try:
    try:
        raise KeyboardInterrupt("message")
    except Exception:
        print("not reached: KeyboardInterrupt is not an Exception")
except BaseException as e:
    print("BaseException handler:", type(e).__name__, e.args)

print("about to raise", flush=True)
inner()
print("not reached")
