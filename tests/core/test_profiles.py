"""Profiles: picked by animal, named optionally, stored atomically, survive damage."""

from __future__ import annotations

import json

import pytest

from icanvas_desktop.core.profiles import AVATARS, COLOUR_TITLES, COLOURS, Profiles, avatar_path


def test_every_avatar_has_a_drawn_picture():
    assert len(AVATARS) >= 8
    for a in AVATARS:
        assert avatar_path(a).read_text().lstrip().startswith("<svg")


def test_adding_a_profile_needs_only_an_animal_and_it_becomes_current(tmp_path):
    profiles = Profiles(tmp_path)
    p = profiles.add("owl")
    assert p.name == "" and p.display_name("en") == "Owl" and p.display_name("ko") == "부엉이"
    assert profiles.current.id == p.id
    q = profiles.add("frog", name="  Mina ")
    assert q.display_name() == "Mina" and profiles.current.id == p.id


def test_profiles_are_saved_and_read_back(tmp_path):
    profiles = Profiles(tmp_path)
    a, b = profiles.add("cat"), profiles.add("dog", "Jun")
    profiles.set_current(b.id)
    profiles.rename(a.id, "Ari")
    profiles.earn_badges(a.id, ["creations_1"])
    again = Profiles(tmp_path)
    assert [(p.avatar, p.name) for p in again.list()] == [("cat", "Ari"), ("dog", "Jun")]
    assert again.current.id == b.id and "creations_1" in again.get(a.id).badges
    assert json.loads((tmp_path / "profiles.json").read_text())["schema_version"] == 1


def test_earned_badges_are_reported_new_only_once(tmp_path):
    profiles = Profiles(tmp_path)
    p = profiles.add("bear")
    assert profiles.earn_badges(p.id, ["a", "b"]) == ["a", "b"]
    assert profiles.earn_badges(p.id, ["b", "c"]) == ["c"]


def test_removing_the_current_profile_picks_another(tmp_path):
    profiles = Profiles(tmp_path)
    a, b = profiles.add("cat"), profiles.add("dog")
    profiles.remove(a.id)
    assert profiles.current.id == b.id
    with pytest.raises(KeyError):
        profiles.get(a.id)


def test_unknown_avatar_is_refused(tmp_path):
    with pytest.raises(ValueError):
        Profiles(tmp_path).add("dragon")


@pytest.mark.parametrize("content", [b"{", b"", b"\xff\xfe", b'{"schema_version": 99, "profiles": []}',
                                     b'{"schema_version": 1, "profiles": [{"avatar": "cat"}]}'])
def test_damaged_profiles_file_is_kept_aside_and_app_starts_afresh(tmp_path, content):
    (tmp_path / "profiles.json").write_bytes(content)
    profiles = Profiles(tmp_path)
    assert profiles.list() == [] and profiles.problem
    assert list(tmp_path.glob("profiles.json.damaged-*"))
    profiles.add("fox")
    assert len(Profiles(tmp_path).list()) == 1


def test_two_children_with_the_same_animal_get_different_colours_and_names(tmp_path):
    profiles = Profiles(tmp_path)
    owl, cat1, cat2 = profiles.add("owl"), profiles.add("cat"), profiles.add("cat")
    assert cat1.colour in COLOURS and cat2.colour in COLOURS and cat1.colour != cat2.colour
    assert profiles.label(owl) == "Owl"                      # a lone animal is just its name
    assert profiles.label(cat1) != profiles.label(cat2)
    assert profiles.label(cat1) == f"{COLOUR_TITLES[cat1.colour]['en']} Cat"
    assert profiles.label(cat2, "ko") == f"{COLOUR_TITLES[cat2.colour]['ko']} 고양이"
    # a colour nobody has yet is chosen before one another animal has
    assert len({p.colour for p in profiles.list()}) == 3
    again = Profiles(tmp_path)
    assert [p.colour for p in again.list()] == [owl.colour, cat1.colour, cat2.colour]


def test_a_name_tells_a_child_apart_better_than_a_colour(tmp_path):
    profiles = Profiles(tmp_path)
    a, b = profiles.add("cat"), profiles.add("cat")
    profiles.rename(b.id, "  Jun\x00\n ")
    assert profiles.label(profiles.get(b.id)) == "Jun"
    assert profiles.label(a) == f"{COLOUR_TITLES[a.colour]['en']} Cat"
    profiles.rename(b.id, "")
    assert profiles.label(profiles.get(b.id)) == f"{COLOUR_TITLES[b.colour]['en']} Cat"


def test_profiles_from_an_older_file_without_colours_get_different_ones(tmp_path):
    (tmp_path / "profiles.json").write_text(json.dumps({"schema_version": 1, "current": "p-1", "profiles": [
        {"id": "p-1", "avatar": "dog"}, {"id": "p-2", "avatar": "dog"}, {"id": "p-3", "avatar": "dog", "colour": "sky"}]}))
    profiles = Profiles(tmp_path)
    colours = [p.colour for p in profiles.list()]
    assert len(set(colours)) == 3 and set(colours) <= set(COLOURS)
    assert profiles.problem is None


def test_a_colour_must_be_one_of_the_palette(tmp_path):
    profiles = Profiles(tmp_path)
    assert profiles.add("fox", colour="blue").colour == "blue"
    with pytest.raises(ValueError):
        profiles.add("fox", colour="sky")
