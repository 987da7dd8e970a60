"""Value classes declared like dataclasses, without their start-up cost.

``@dataclass`` writes the source of each class's ``__init__``, ``__eq__``, ``__repr__`` …
and compiles it when the class is made, and importing :mod:`dataclasses` imports
:mod:`inspect` (with ``ast``, ``dis`` and ``tokenize``). On the path of ``rec-tui validate``
that was about a third of the command's own time. A :class:`Record` subclass is declared the
same way (annotated fields, defaults, :func:`field` for a factory or a field left out of
comparisons) and behaves the same: an ``__init__`` taking the fields by position or
keyword, equality and hashing on the compared fields (a ``frozen=True`` record is hashable
and refuses assignment; another is unhashable), the dataclass ``repr``, ``__match_args__``,
copying and pickling; :func:`replace` is ``dataclasses.replace``. Its methods are shared by
every record instead of generated per class, and a record keeps only the values it was given
(its defaults are read through its class), which makes one about as fast as a dataclass's
generated ``__init__``. Type checkers see records as dataclasses (``dataclass_transform``).
"""

from __future__ import annotations

from operator import attrgetter

# typing is not imported at run time (start-up speed); type checkers read these imports.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar, TypeVar, dataclass_transform

    R = TypeVar("R", bound="Record")
else:

    def dataclass_transform(**_options):
        return lambda decorated: decorated


class _Declared:
    """What :func:`field` says of a field (read when its class is made)."""

    __slots__ = ("compare", "default", "factory")

    def __init__(self, default: object, factory: Callable[[], object] | None, compare: bool):
        self.default = default
        self.factory = factory
        self.compare = compare


# A field declared without a default (``field(compare=False)``).
_NO_DEFAULT = object()


def field(
    *,
    default: Any = _NO_DEFAULT,
    default_factory: Callable[[], Any] | None = None,
    compare: bool = True,
) -> Any:
    """A field's default when it is not a plain value: ``default_factory`` makes one per
    record (a list), ``compare=False`` leaves the field out of equality and the hash."""
    return _Declared(default, default_factory, compare)


@dataclass_transform(field_specifiers=(field,))
class _RecordType(type):
    """Makes each :class:`Record` subclass: its defaults stay class attributes (a record
    keeps only the values it was given), and the shared methods learn its fields."""

    def __new__(
        mcls,
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, Any],
        *,
        frozen: bool = False,
    ) -> _RecordType:
        # Postponed annotations are strings; a ClassVar is no field.
        annotations: dict[str, object] = namespace.get("__annotations__", {})
        own = tuple(
            key
            for key, kind in annotations.items()
            if not str(kind).startswith(("ClassVar", "typing.ClassVar"))
        )
        parent = next((base for base in bases if isinstance(base, _RecordType)), None)
        fields: tuple[str, ...] = getattr(parent, "_fields", ()) + own
        required = set(getattr(parent, "_required", ()))
        factories = dict(getattr(parent, "_factories", {}))
        uncompared = set(getattr(parent, "_uncompared", ()))
        for key in own:
            declared = namespace.get(key, _NO_DEFAULT)
            if isinstance(declared, _Declared):
                if not declared.compare:
                    uncompared.add(key)
                if declared.factory is not None:
                    factories[key] = declared.factory
                declared = declared.default
            if declared is _NO_DEFAULT:
                namespace.pop(key, None)
                if key not in factories:
                    required.add(key)
            else:
                namespace[key] = declared  # read through the class while not given
        frozen = frozen or getattr(parent, "_frozen", False)
        namespace.update(
            __match_args__=fields,
            _fields=fields,
            _field_set=frozenset(fields),
            _required=tuple(key for key in fields if key in required),
            _required_set=frozenset(required),
            _factories=factories,
            _uncompared=frozenset(uncompared),
            _compared=_values_of(tuple(key for key in fields if key not in uncompared)),
            _frozen=frozen,
        )
        if parent is not None:  # a record class (Record itself has no fields)
            namespace.setdefault("__hash__", Record._hash if frozen else None)
            if frozen:
                namespace.update(__setattr__=Record._refuse, __delattr__=Record._refuse)
        return super().__new__(mcls, name, bases, namespace)


def _values_of(keys: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """Reads the values of ``keys`` of a record, as a tuple."""
    if len(keys) == 1:
        read_one = attrgetter(keys[0])
        return lambda record: (read_one(record),)
    if not keys:
        return lambda record: ()
    read: Callable[[object], tuple[Any, ...]] = attrgetter(*keys)
    return read


class Record(metaclass=_RecordType):
    """The base of a value class: subclass it with annotated fields (see the module)."""

    _fields: ClassVar[tuple[str, ...]]
    _field_set: ClassVar[frozenset[str]]
    _required: ClassVar[tuple[str, ...]]
    _required_set: ClassVar[frozenset[str]]
    _factories: ClassVar[dict[str, Callable[[], Any]]]
    _uncompared: ClassVar[frozenset[str]]
    _compared: ClassVar[Callable[[object], tuple[Any, ...]]]
    _frozen: ClassVar[bool]

    def __init__(self, *args: Any, **values: Any) -> None:
        cls = type(self)
        if len(args) > len(cls._fields):
            raise TypeError(
                f"{cls.__name__}() takes {len(cls._fields)} positional arguments but "
                f"{len(args)} were given"
            )
        if not values:
            # All by position (most records, hundreds as a command starts): no name can be
            # unknown or given twice.
            values = dict(zip(cls._fields, args, strict=False))  # the rest: defaults
        else:
            if args:
                keys = cls._fields[: len(args)]
                if not values.keys().isdisjoint(keys):
                    twice = next(key for key in keys if key in values)
                    raise TypeError(f"{cls.__name__}() got multiple values for argument {twice!r}")
                values.update(zip(keys, args, strict=True))
            if not cls._field_set.issuperset(values):
                unknown = next(key for key in values if key not in cls._field_set)
                raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {unknown!r}")
        if not cls._required_set.issubset(values):
            missing = next(key for key in cls._required if key not in values)
            raise TypeError(f"{cls.__name__}() missing required argument: {missing!r}")
        if cls._factories:
            for key, make in cls._factories.items():
                if key not in values:
                    values[key] = make()
        # The values given, kept as they are (a default is read through the class).
        self.__dict__.update(values)

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={getattr(self, key)!r}" for key in type(self)._fields)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return type(self)._compared(self) == type(self)._compared(other)

    def _hash(self) -> int:
        return hash(type(self)._compared(self))

    def _refuse(self, key: str, *value: object) -> None:
        # A programming mistake, as dataclasses' FrozenInstanceError (an AttributeError).
        raise AttributeError(f"cannot assign to field {key!r}")

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        # Copies and pickles are made again through __init__ (a frozen record refuses
        # having its state set afterwards).
        return type(self), tuple(getattr(self, key) for key in type(self)._fields)


def replace(record: R, /, **changes: Any) -> R:
    """A copy of ``record`` with the fields ``changes`` names set to new values."""
    values = {key: getattr(record, key) for key in type(record)._fields}
    values.update(changes)
    return type(record)(**values)
