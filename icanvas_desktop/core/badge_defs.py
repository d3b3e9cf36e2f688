"""The badge table: every badge is a row of data (a rule type and its parameters), not code.

Rule types are evaluated in core/badges.py (RULES). `hidden` badges are surprises: the shelf
shows a "?" until one is earned. No rule ever takes a badge away or compares children.
Each badge's picture is resources/badges/<id>.svg.
"""

BADGES = [
    # -- visible, with progress ------------------------------------------------------------------
    {"id": "creations_1", "rule": "creations", "params": {"count": 1}, "hidden": False,
     "title": {"en": "First Picture!", "ko": "첫 번째 그림!"},
     "description": {"en": "You kept your very first creation.", "ko": "첫 작품을 간직했어요."}},
    {"id": "creations_5", "rule": "creations", "params": {"count": 5}, "hidden": False,
     "title": {"en": "Five Pictures", "ko": "그림 다섯 장"},
     "description": {"en": "Five creations in your gallery.", "ko": "갤러리에 작품이 다섯 개예요."}},
    {"id": "creations_25", "rule": "creations", "params": {"count": 25}, "hidden": False,
     "title": {"en": "Busy Artist", "ko": "바쁜 화가"},
     "description": {"en": "Twenty-five creations!", "ko": "작품이 스물다섯 개!"}},
    {"id": "creations_100", "rule": "creations", "params": {"count": 100}, "hidden": False,
     "title": {"en": "Hundred Club", "ko": "백 장 클럽"},
     "description": {"en": "One hundred creations. Wow!", "ko": "작품이 백 개! 우와!"}},
    {"id": "styles_3", "rule": "distinct_styles", "params": {"count": 3}, "hidden": False,
     "title": {"en": "Style Explorer", "ko": "스타일 탐험가"},
     "description": {"en": "Made pictures in three different styles.", "ko": "세 가지 스타일로 그렸어요."}},
    {"id": "challenge_1", "rule": "event", "params": {"kind": "challenge_done", "count": 1}, "hidden": False,
     "title": {"en": "Challenge Accepted", "ko": "도전 성공"},
     "description": {"en": "You finished a daily challenge.", "ko": "오늘의 도전을 해냈어요."}},
    {"id": "challenge_5", "rule": "event", "params": {"kind": "challenge_done", "count": 5}, "hidden": False,
     "title": {"en": "Challenge Champion", "ko": "도전 챔피언"},
     "description": {"en": "Five daily challenges done.", "ko": "도전을 다섯 번 해냈어요."}},
    {"id": "days_10", "rule": "distinct_days", "params": {"count": 10}, "hidden": False,
     "title": {"en": "Ten Drawing Days", "ko": "그림 그린 날 열흘"},
     "description": {"en": "You drew on ten different days.", "ko": "열흘 동안 그림을 그렸어요."}},
    # -- hidden surprises ------------------------------------------------------------------------
    {"id": "every_style", "rule": "all_styles", "params": {}, "hidden": True,
     "title": {"en": "Every Style!", "ko": "모든 스타일!"},
     "description": {"en": "You tried every style there is.", "ko": "모든 스타일을 써 봤어요."}},
    {"id": "colour_hint", "rule": "used_hints", "params": {"count": 1}, "hidden": True,
     "title": {"en": "Colour Wizard", "ko": "색깔 마법사"},
     "description": {"en": "You gave the picture a colour hint.", "ko": "색깔 힌트를 줬어요."}},
    {"id": "strokes_50", "rule": "strokes_in_one", "params": {"more_than": 50}, "hidden": True,
     "title": {"en": "So Many Lines", "ko": "선이 가득"},
     "description": {"en": "A drawing with more than 50 strokes.", "ko": "선을 50개 넘게 그렸어요."}},
    {"id": "days_3", "rule": "distinct_days", "params": {"count": 3}, "hidden": True,
     "title": {"en": "Come Back Artist", "ko": "또 왔어요"},
     "description": {"en": "You drew on three different days.", "ko": "사흘 동안 그림을 그렸어요."}},
    {"id": "replay", "rule": "event", "params": {"kind": "replayed", "count": 1}, "hidden": True,
     "title": {"en": "Movie Maker", "ko": "영화 감독"},
     "description": {"en": "You watched a drawing draw itself.", "ko": "그림이 다시 그려지는 걸 봤어요."}},
    {"id": "night_owl", "rule": "hour_window", "params": {"from_hour": 20, "to_hour": 5}, "hidden": True,
     "title": {"en": "Night Owl", "ko": "밤 부엉이"},
     "description": {"en": "A drawing made in the evening.", "ko": "저녁에 그림을 그렸어요."}},
    {"id": "early_bird", "rule": "hour_window", "params": {"from_hour": 5, "to_hour": 8}, "hidden": True,
     "title": {"en": "Early Bird", "ko": "아침 새"},
     "description": {"en": "A drawing made early in the morning.", "ko": "이른 아침에 그림을 그렸어요."}},
    {"id": "weekend", "rule": "weekday", "params": {"days": [5, 6]}, "hidden": True,
     "title": {"en": "Weekend Painter", "ko": "주말 화가"},
     "description": {"en": "A drawing made on a weekend.", "ko": "주말에 그림을 그렸어요."}},
]
