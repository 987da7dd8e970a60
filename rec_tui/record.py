"""Value classes declared like dataclasses, without their start-up cost.

``@dataclass`` writes the source of each class's ``__init__``, ``__eq__``, ``__repr__`` …
and compiles it when the class is made, and importing :mod:`dataclasses` imports
:mod:`inspect` (with ``ast``, ``dis`` and ``tokenize``). On the path of ``rec-tui validate``
that was about a third of the command's own time. A :class:`Record` subclass is declared the
same way (annotated fields, defaults, :func:`field` for a factory or a field left out of
comparisons) and behaves the same: ``__slots__``, an ``__init__`` taking the fields by
position or keyword, equality and hashing on the compared fields (a ``frozen=True`` record is
hashable and refuses assignment; another is unhashable), the dataclass ``repr``,
``__match_args__``, copying and pickling. Its methods are shared by every record instead of
generated per class. :func:`replace` is ``dataclasses.replace``. Type checkers see records as
dataclasses (``dataclass_transform``).
"""

from __future__ import annotations

from operator import attrgetter

# typing is not imported at run time (start-up speed); type checkers read these imports.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar, TypeVar, dataclass_transform

    R = TypeVar("R", bound="Record")
    T = TypeVar("T")
else:

    def dataclass_transform(**_options):
        return lambda decorated: decorated


class FrozenRecordError(AttributeError):
    """Assigning to (or deleting) a field of a frozen record."""


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
    """Makes each :class:`Record` subclass: its fields become ``__slots__``, their defaults
    are kept by the class, and the shared methods learn its fields."""

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
        declared = {key: namespace.pop(key) for key in own if key in namespace}
        parent = next((base for base in bases if isinstance(base, _RecordType)), None)
        fields: tuple[str, ...] = getattr(parent, "_fields", ()) + own
        defaults = dict(getattr(parent, "_defaults", {}))
        factories = dict(getattr(parent, "_factories", {}))
        uncompared = set(getattr(parent, "_uncompared", ()))
        for key, value in declared.items():
            if not isinstance(value, _Declared):
                defaults[key] = value
                continue
            if value.factory is not None:
                factories[key] = value.factory
            elif value.default is not _NO_DEFAULT:
                defaults[key] = value.default
            if not value.compare:
                uncompared.add(key)
        frozen = frozen or getattr(parent, "_frozen", False)
        namespace.update(
            __slots__=own,
            __match_args__=fields,
            _fields=fields,
            _defaults=defaults,
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
    _defaults: ClassVar[dict[str, Any]]
    _factories: ClassVar[dict[str, Callable[[], Any]]]
    _uncompared: ClassVar[frozenset[str]]
    _compared: ClassVar[Callable[[object], tuple[Any, ...]]]
    _frozen: ClassVar[bool]

    def __init__(self, *args: Any, **values: Any) -> None:
        cls = type(self)
        keys = cls._fields
        given = len(args)
        if given > len(keys):
            raise TypeError(
                f"{cls.__name__}() takes {len(keys)} positional arguments but {given} were given"
            )
        assign = object.__setattr__
        for key, value in zip(keys, args, strict=False):
            if key in values:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {key!r}")
            assign(self, key, value)
        for key in keys[given:]:
            if key in values:
                assign(self, key, values.pop(key))
            elif key in cls._defaults:
                assign(self, key, cls._defaults[key])
            elif key in cls._factories:
                assign(self, key, cls._factories[key]())
            else:
                raise TypeError(f"{cls.__name__}() missing required argument: {key!r}")
        if values:
            raise TypeError(
                f"{cls.__name__}() got an unexpected keyword argument {next(iter(values))!r}"
            )

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
        raise FrozenRecordError(f"cannot assign to field {key!r}")

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        # Copies and pickles are made again through __init__ (a frozen record refuses
        # having its state set afterwards).
        return type(self), tuple(getattr(self, key) for key in type(self)._fields)


def replace(record: R, /, **changes: Any) -> R:
    """A copy of ``record`` with the fields ``changes`` names set to new values."""
    values = {key: getattr(record, key) for key in type(record)._fields}
    values.update(changes)
    return type(record)(**values)
