"""The cyclic-GC pause of bulk steps: state restored, objects kept, nothing frozen behind the user's back."""

from __future__ import annotations

import gc
import weakref

from bibconv.gcpause import cyclic_gc_paused


def test_pause_restores_the_collector_and_moves_survivors_to_the_oldest_generation():
    assert gc.isenabled()
    with cyclic_gc_paused():
        assert not gc.isenabled()
        kept = [[i] for i in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    oldest = {id(obj) for obj in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in kept)


def test_pause_leaves_a_disabled_collector_disabled_and_others_frozen_objects_frozen():
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with cyclic_gc_paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


class _Node:
    pass


def test_cycles_made_during_the_pause_are_still_collected_by_a_full_collection():
    with cyclic_gc_paused():
        node = _Node()
        node.self = node
        alive = weakref.ref(node)
        del node
    assert alive() is not None  # a cycle: reference counting alone cannot free it
    gc.collect()
    assert alive() is None
