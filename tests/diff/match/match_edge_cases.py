# match edge cases: subject evaluated once, soft keywords as names, negative and complex literals, star in mappings.
def subject():
    print("subject evaluated")
    return [1, 2]
match subject():
    case [1]:
        print("no")
    case [1, 2]:
        print("yes")
match = "match is a soft keyword"
case = "so is case"
print(match, case)
_ = "underscore as a variable"
print(_)
for v in (-1, -1.5, 1 - 2j, -0.0, 0):
    match v:
        case -1:
            print(v, "minus one")
        case -1.5:
            print(v, "minus one and a half")
        case 1 - 2j:
            print(v, "complex")
        case 0:
            print(v, "zero (0.0 == 0 matches too)")
match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **rest}:
        print("rest", rest)
match (1, 2, 3, 4, 5):
    case (first, *_, last):
        print(first, last)
match "text":
    case "te" "xt":
        print("concatenated string literal pattern")
match 3:
    case 1 | 2:
        print("no")
    case (3 | 4) as hit:
        print("grouped or-pattern", hit)
value = 7
match value:
    case x if x > 5 and x % 7 == 0:
        print("guard with and", x)
match []:
    case [*all_items]:
        print("star matches empty", all_items)
