# str.format: positional, keyword, attribute, index, conversions, nested specs, errors.
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[k]}".format({1: "one", "k": "kay"}), "{0.real} {0.imag}".format(3 + 4j))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{{literal}}".format())
print("{:>8}|{:<8}|{:^8}|{:*^8}".format("a", "b", "c", "d"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=3), "{0:{1}}".format("x", 5))
print("{:d} {:5d} {:+d} {:x} {:#x} {:X} {:o} {:#o} {:b} {:#b} {:c}".format(42, 42, 42, 255, 255, 255, 8, 8, 5, 5, 65))
print("{:,} {:_} {:_x} {:08,}".format(1234567, 1234567, 0xDEADBEEF, 1234))
print("{:=+8} {:08} {:-8}|".format(-42, -42, 42))
print("{:s} {:10s}|".format("str", "pad"), "{:.2s}".format("abcdef"))
for fmt, args, kw in [("{", (), {}), ("}", (), {}), ("{0}", (), {}), ("{x}", (), {}),
                      ("{:d}", ("s",), {}), ("{0}{}", (1, 2), {}), ("{!z}", (1,), {}),
                      ("{:z}", (1,), {}), ("{0[5]}", ([1],), {}), ("{.nope}", (1,), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
print("{0}{0}{1}".format("ab", "c"), "{a.__class__.__name__}".format(a=1))
print("{:^+10.2e}|{:<#10o}|".format(12345.678, 8))
print("{}".format_map({}) if False else "{k}".format_map({"k": "mapped"}))
