// dict_views.h — dict.keys(), dict.values(), dict.items(): live views of a dict, and the
// dict iterators other than the forward key iterator (which the core's dict.cc owns).
//
// A view holds one reference to its dict and reads it on every operation, so it reflects
// later changes. keys and items views are set-like: `==`, `<`, ... compare as sets,
// `&`, `|`, `-`, `^` return new sets and isdisjoint() exists, each following CPython's
// algorithm (its choice of which operand to iterate, the items-view `^` over two dicts)
// so that resulting sets iterate in CPython's order. Views support len(), iter(),
// reversed(), `in` (items: the (key, value) pair must match) and `.mapping` (a read-only
// mappingproxy of the dict).
//
// Iterators walk the dict's entry positions (CompactDict's low-level API); they raise
// RuntimeError "dictionary changed size during iteration" when the size changed, and
// "dictionary keys changed during iteration" when keys were replaced under them, as CPython.
// (`.mapping` uses the core's mappingproxy.h.)
//
// All are gc containers. The GIL must be held.
#ifndef PYRT_OBJECTS_CORE_DICT_VIEWS_H_
#define PYRT_OBJECTS_CORE_DICT_VIEWS_H_

#include "objects/core/type.h"

namespace pyrt {

struct DictViewObject {
  Object head;
  Value dict;  // owned
};

extern TypeObject kDictKeysType, kDictValuesType, kDictItemsType;
extern TypeObject kDictValueIteratorType, kDictItemIteratorType;
extern TypeObject kDictReverseKeyIteratorType, kDictReverseValueIteratorType,
    kDictReverseItemIteratorType;

// d.keys() / d.values() / d.items() for a dict (or dict subclass) d. New reference.
[[nodiscard]] Value NewDictKeys(Value d);
[[nodiscard]] Value NewDictValues(Value d);
[[nodiscard]] Value NewDictItems(Value d);
// iter(d.values()) / iter(d.items()).
[[nodiscard]] Value NewDictValueIter(Value d);
[[nodiscard]] Value NewDictItemIter(Value d);
// reversed(d) (keys), reversed(d.values()), reversed(d.items()).
[[nodiscard]] Value NewDictReverseKeyIter(Value d);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_DICT_VIEWS_H_
