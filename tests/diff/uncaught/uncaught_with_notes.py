# exit: 1
# Notes added with add_note are printed after the exception line, so the last line is a note.
for i in range(10):
    print("step", i)
e = TypeError("bad operand")
e.add_note("note one")
e.add_note("while processing step 10")
raise e
