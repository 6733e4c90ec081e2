# exit: 1
# Uncaught exception raised while handling another: both tracebacks with "During handling of the above exception, another exception occurred:".
def parse(text):
    try:
        return int(text)
    except ValueError:
        return {}[text]
for i in range(8):
    print("parse", i, parse(str(i)))
parse("not a number")
