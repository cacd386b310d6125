"""What a worker keeps in memory stays within its size, and survives concurrent threads."""

from concurrent.futures import ThreadPoolExecutor

from launchlibrary.readpath.process_cache import Recent, Shelves


def test_recent_values_keep_to_their_size_and_survive_threads():
    recent = Recent(max_bytes=100)
    recent.put("a", b"x" * 60)
    recent.put("b", b"y" * 30)
    assert recent.get("a") == b"x" * 60  # now the most recently used
    recent.put("c", b"z" * 30)  # evicts "b", the least recently used
    assert recent.get("b") is None
    assert recent.size == 90
    recent.put("huge", b"h" * 101)
    assert recent.get("huge") is None

    def churn(thread: int) -> None:
        for number in range(2000):
            recent.put((thread, number), b"v" * 7)
            recent.get((thread, number - 3))

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(churn, range(4)))
    assert recent.size == sum(len(value) for value in recent.entries.values()) <= 100


def test_recent_values_are_measured_by_their_size_function():
    recent = Recent(max_bytes=100, size_of=lambda ids: 10 * len(ids))
    recent.put("first", ("1",) * 6)
    recent.put("second", ("2",) * 5)  # 60 + 50 > 100: the first goes
    assert recent.get("first") is None
    assert recent.get("second") == ("2",) * 5
    assert recent.size == 50


def test_a_shelf_takes_room_from_the_least_recently_read_one():
    shelves = Shelves(max_bytes=100)
    old, new = shelves.shelf("old"), shelves.shelf("new")
    shelves.put("old", "1", b"a" * 40)
    shelves.put("old", "2", b"b" * 40)
    shelves.put("new", "1", b"c" * 40)  # 120 > 100: one of the old shelf's documents goes
    assert len(old) == 1
    assert new == {"1": b"c" * 40}
    assert shelves.size == 80
    shelves.put("new", "2", b"d" * 40)
    shelves.put("new", "3", b"e" * 20)  # the old shelf drains away, and is dropped
    assert "old" not in shelves.shelves
    assert set(new) == {"1", "2", "3"}
    assert shelves.size == 100
    shelves.put("gone", "1", b"f")  # no shelf was asked for under that key
    assert shelves.size == 100


def test_shelves_read_in_turn_share_the_room():
    shelves = Shelves(max_bytes=100)
    for number in "0123":
        for key in ("detailed", "normal"):
            shelves.shelf(key)
            shelves.put(key, number, b"x" * 30)
    assert shelves.size == 90
    assert all(shelves.shelves.values())
    assert shelves.size == sum(map(len, _bodies(shelves)))


def _bodies(shelves: Shelves) -> list[bytes]:
    return [body for shelf in shelves.shelves.values() for body in shelf.values()]


def test_shelves_beyond_their_number_are_dropped_least_recently_read_first():
    shelves = Shelves(max_bytes=100, max_shelves=3)
    for origin in ("a", "b", "c", "d"):
        shelves.shelf(origin)
    assert list(shelves.shelves) == ["b", "c", "d"]
    shelves.put("b", "1", b"x" * 10)
    shelves.shelf("e")  # drops "b", and its bytes
    assert list(shelves.shelves) == ["c", "d", "e"]
    assert shelves.size == 0


def test_a_shelf_that_fills_the_size_alone_takes_no_more():
    shelves = Shelves(max_bytes=100)
    shelf = shelves.shelf("only")
    for object_id in "12345":
        shelves.put("only", object_id, b"x" * 30)
    assert set(shelf) == {"1", "2", "3"}
    assert shelves.size == 90


def test_shelves_survive_threads():
    shelves = Shelves(max_bytes=1000)

    def churn(thread: int) -> None:
        for number in range(2000):
            key = (thread, number % 7)
            shelf = shelves.shelf(key)
            shelves.put(key, str(number), b"v" * 9)
            shelf.get(str(number - 1))

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(churn, range(4)))
    assert shelves.size == sum(shelves.shelf_sizes.values()) <= 1000
    assert shelves.shelf_sizes.keys() == shelves.shelves.keys()
    assert all(
        shelves.shelf_sizes[key] == sum(map(len, shelf.values()))
        for key, shelf in shelves.shelves.items()
    )


def test_a_value_put_again_replaces_the_old_one():
    recent = Recent(max_bytes=100)
    recent.put("key", b"x" * 60)
    recent.put("key", b"y" * 10)
    assert recent.get("key") == b"y" * 10
    assert recent.size == 10
