<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../icanvas_desktop/ui/grownups_about.py" line="+33"/>
        <source>The Qt Company and contributors. iCanvas uses Qt as separate libraries, which you may replace with your own build.</source>
        <translation>The Qt Company와 기여자들. iCanvas는 Qt를 별도의 라이브러리로 사용하며, 직접 빌드한 것으로 바꿔 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meta Platforms and contributors. Used to train the picture styles.</source>
        <translation>Meta Platforms와 기여자들. 그림 스타일을 학습시키는 데 썼습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microsoft and contributors. Runs the picture styles on this computer.</source>
        <translation>Microsoft와 기여자들. 이 컴퓨터에서 그림 스타일을 실행합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emoji artwork by OpenMoji, the open-source emoji and icon project (openmoji.org). Used as drawing examples for training.</source>
        <translation>오픈 소스 이모지·아이콘 프로젝트 OpenMoji(openmoji.org)의 이모지 그림. 학습용 그림 예시로 썼습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emoji graphics copyright Twitter, Inc. and other contributors. Used as drawing examples for training.</source>
        <translation>이모지 그래픽 저작권: Twitter, Inc.와 기여자들. 학습용 그림 예시로 썼습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Google and contributors. Used as drawing examples for training.</source>
        <translation>Google과 기여자들. 학습용 그림 예시로 썼습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NumPy developers.</source>
        <translation>NumPy 개발자들.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jeffrey A. Clark and contributors.</source>
        <translation>Jeffrey A. Clark와 기여자들.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hugging Face.</source>
        <translation>Hugging Face.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Their authors and contributors.</source>
        <translation>각 저자와 기여자들.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python Software Foundation.</source>
        <translation>Python 소프트웨어 재단.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+1"/>
        <source>About iCanvas</source>
        <translation>iCanvas 정보</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>iCanvas %1</source>
        <translation>iCanvas %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Credits and licences</source>
        <translation>만든 사람들과 라이선스</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>iCanvas turns children&apos;s drawings into pictures, right on this computer. It never connects to the internet, and the drawings stay here.</source>
        <translation>iCanvas는 어린이가 그린 그림을 바로 이 컴퓨터에서 멋진 그림으로 바꿔 줍니다. 인터넷에 전혀 연결하지 않으며, 그림은 이 컴퓨터에만 남습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Picture styles</source>
        <translation>그림 스타일</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No picture styles are installed.</source>
        <translation>설치된 그림 스타일이 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Licence:</source>
        <translation>라이선스:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Magic colours in this style looks at small copies of the same pictures, under the same licence.</source>
        <translation>이 스타일의 마법 색칠은 같은 그림들을 작게 줄인 사본을 참고하며, 같은 라이선스를 따릅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Magic colours in this style looks at small copies of other pictures (%1), licence %2:</source>
        <translation>이 스타일의 마법 색칠은 다른 그림들(%1)을 작게 줄인 사본을 참고하며, 라이선스는 %2입니다:</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Read the model card</source>
        <translation>모델 카드 읽기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made with</source>
        <translation>함께 쓴 것들</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../../icanvas_desktop/ui/shell.py" line="+41"/>
        <source>the disk is full</source>
        <translation>디스크가 꽉 찼어요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder is read-only</source>
        <translation>폴더에 저장할 수 없어요</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Keep holding to close iCanvas...</source>
        <translation>계속 누르고 있으면 iCanvas가 닫혀요...</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Who is drawing?</source>
        <translation>누가 그림을 그리나요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw</source>
        <translation>그리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My pictures</source>
        <translation>내 그림</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badges</source>
        <translation>배지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My badges</source>
        <translation>내 배지</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grown-ups&apos; corner (settings)</source>
        <translation>어른 코너 (설정)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1 is drawing. Tap to change.</source>
        <translation>지금은 %1 차례예요. 눌러서 바꿔요.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Your other drawing is not lost: Undo brings it back.</source>
        <translation>그리던 그림은 없어지지 않았어요. 되돌리기를 누르면 다시 나와요.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Ta-da! Your picture is kept in your gallery.</source>
        <translation>짜잔! 그림을 내 갤러리에 넣어 두었어요.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Oh no, your picture could not be kept (%1). It is still here. Ask a grown-up to help.</source>
        <translation>앗, 그림을 넣어 두지 못했어요 (%1). 그림은 아직 여기 있어요. 어른에게 도와 달라고 해요.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Draw today&apos;s challenge first, then press &quot;I did it!&quot;</source>
        <translation>먼저 오늘의 도전을 그리고 &quot;해냈어요!&quot;를 눌러요</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>You did today&apos;s challenge! Your picture got a sticker.</source>
        <translation>오늘의 도전을 해냈어요! 그림에 스티커가 붙었어요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sticker could not be kept. Ask a grown-up to help.</source>
        <translation>스티커를 붙이지 못했어요. 어른에게 도와 달라고 해요.</translation>
    </message>
</context>
<context>
    <name>BadgeShelf</name>
    <message>
        <location filename="../../icanvas_desktop/ui/badge_shelf.py" line="+88"/>
        <source>My badges</source>
        <translation>내 배지</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Badges found: %1</source>
        <translation>찾은 배지: %1개</translation>
    </message>
</context>
<context>
    <name>BadgeTile</name>
    <message>
        <location line="-61"/>
        <source>Surprise!</source>
        <translation>깜짝 배지!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep drawing to find this surprise badge.</source>
        <translation>계속 그리면 이 깜짝 배지를 찾을 수 있어요.</translation>
    </message>
</context>
<context>
    <name>CanvasWidget</name>
    <message>
        <location filename="../../icanvas_desktop/ui/canvas.py" line="+70"/>
        <source>Drawing page</source>
        <translation>그림 종이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw here with the mouse, a finger or a pen.</source>
        <translation>마우스나 손가락, 펜으로 여기에 그려요.</translation>
    </message>
    <message>
        <location line="+273"/>
        <source>Draw here!</source>
        <translation>여기에 그려 봐요!</translation>
    </message>
</context>
<context>
    <name>ChallengeCard</name>
    <message>
        <location filename="../../icanvas_desktop/ui/challenge_card.py" line="+43"/>
        <source>Today&apos;s challenge</source>
        <translation>오늘의 도전</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+25"/>
        <source>I did it!</source>
        <translation>해냈어요!</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Well done!</source>
        <translation>참 잘했어요!</translation>
    </message>
</context>
<context>
    <name>ChildrenDialog</name>
    <message>
        <location filename="../../icanvas_desktop/ui/grownups_children.py" line="+27"/>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder is read-only</source>
        <translation>폴더가 읽기 전용입니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+1"/>
        <source>Children</source>
        <translation>어린이</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a name to tell children apart, or leave it empty to use the animal and its colour. Changes are kept at once.</source>
        <translation>어린이를 구별할 이름을 적으세요. 비워 두면 동물과 색깔로 부릅니다. 바꾼 내용은 바로 저장됩니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No children yet.</source>
        <translation>아직 어린이가 없습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name of %1</source>
        <translation>%1의 이름</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove...</source>
        <translation>지우기...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1</source>
        <translation>%1 지우기</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The name could not be kept: %1.</source>
        <translation>이름을 저장하지 못했습니다: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove %1? Their pictures (%2) go to the thrown-away pictures, where you can put them back. Their badges and the drawing they are working on are removed.</source>
        <translation>%1을(를) 지울까요? 그림(%2개)은 버린 그림으로 옮겨지며, 거기서 되돌려 놓을 수 있습니다. 배지와 그리고 있던 그림은 지워집니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 could not be removed: %2.</source>
        <translation>%1을(를) 지우지 못했습니다: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was removed.</source>
        <translation>%1을(를) 지웠습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove a child</source>
        <translation>어린이 지우기</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../icanvas_desktop/ui/widgets.py" line="+306"/>
        <source>Yes</source>
        <translation>네</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../../icanvas_desktop/ui/gallery_view.py" line="+91"/>
        <source>No pictures yet. Draw something and keep it here!</source>
        <translation>아직 그림이 없어요. 그림을 그려서 여기에 모아 봐요!</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep drawing</source>
        <translation>계속 그리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch it again</source>
        <translation>다시 보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make it move!</source>
        <translation>움직여 봐!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slideshow</source>
        <translation>그림 쇼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to Pictures</source>
        <translation>사진 폴더에 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw away</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Throw this picture away?</source>
        <translation>이 그림을 버릴까요?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No, keep it!</source>
        <translation>아니요, 둘래요!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes, throw it away</source>
        <translation>네, 버릴래요</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Again!</source>
        <translation>또 보기!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as a moving picture</source>
        <translation>움직이는 그림으로 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Stop the show</source>
        <translation>쇼 멈추기</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Oh no, this picture could not be opened. It was put aside safely.</source>
        <translation>이런, 이 그림을 열 수 없어요. 안전하게 따로 두었어요.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saving...</source>
        <translation>저장하고 있어요...</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The picture could not be thrown away. Ask a grown-up.</source>
        <translation>그림을 버리지 못했어요. 어른에게 물어봐요.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Could not save the picture: %1</source>
        <translation>그림을 저장하지 못했어요: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved in your Pictures folder!</source>
        <translation>사진 폴더에 저장했어요!</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A damaged picture was put aside safely.</source>
        <translation>망가진 그림을 안전하게 따로 두었어요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A picture with missing parts was put aside safely.</source>
        <translation>빠진 부분이 있는 그림을 안전하게 따로 두었어요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A picture that could not be read was put aside safely.</source>
        <translation>읽을 수 없는 그림을 안전하게 따로 두었어요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A picture from a newer iCanvas is kept but not shown.</source>
        <translation>더 새로운 iCanvas에서 만든 그림은 보관만 하고 보여 주지 않아요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something that is not a picture was put aside safely.</source>
        <translation>그림이 아닌 것을 안전하게 따로 두었어요.</translation>
    </message>
</context>
<context>
    <name>GrownUpGate</name>
    <message>
        <location filename="../../icanvas_desktop/ui/grownups_gate.py" line="+24"/>
        <location line="+1"/>
        <source>For grown-ups</source>
        <translation>어른용</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Your answer</source>
        <translation>내 답</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Erase</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase the last number</source>
        <translation>마지막 숫자 지우기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check my answer</source>
        <translation>답 확인하기</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Back to drawing</source>
        <translation>그림 그리러 돌아가기</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>What is %1 + %2?</source>
        <translation>%1 + %2 = ?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not quite. Here is another one.</source>
        <translation>아쉬워요. 다른 문제를 풀어 보세요.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grown-ups only: type the answer or tap the numbers.</source>
        <translation>어른만 들어갈 수 있어요. 답을 입력하거나 숫자를 누르세요.</translation>
    </message>
</context>
<context>
    <name>GrownUpsScreen</name>
    <message>
        <location filename="../../icanvas_desktop/ui/grownups.py" line="+62"/>
        <source>Fill the whole screen</source>
        <translation>화면 전체에 채우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the Quit button (grown-ups hold Ctrl+Shift+Q to quit)</source>
        <translation>끝내기 버튼 숨기기 (어른은 Ctrl+Shift+Q를 누르고 있으면 끝낼 수 있어요)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Children may delete drawings</source>
        <translation>어린이가 그림을 지울 수 있어요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Children may save copies and print</source>
        <translation>어린이가 복사본을 저장하고 인쇄할 수 있어요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play sounds</source>
        <translation>소리 내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button size</source>
        <translation>버튼 크기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Big</source>
        <translation>크게</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High-contrast colours</source>
        <translation>고대비 색상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same as the computer</source>
        <translation>컴퓨터 설정 따르기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Korean (한국어)</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English (영어)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When iCanvas starts</source>
        <translation>iCanvas를 시작할 때</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with a blank page</source>
        <translation>빈 종이로 시작하기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the last drawing</source>
        <translation>마지막 그림 열기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the picture while drawing</source>
        <translation>그리는 동안 그림 미리 보여 주기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Magic colours: guess a colour for each shape the child leaves uncoloured</source>
        <translation>마법 색칠: 아이가 색을 정하지 않은 모양에 어울리는 색을 골라 주기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make pictures with</source>
        <translation>그림을 만드는 장치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose automatically</source>
        <translation>자동으로 고르기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The processor (CPU)</source>
        <translation>프로세서 (CPU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The graphics card (CUDA)</source>
        <translation>그래픽 카드 (CUDA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processor threads</source>
        <translation>프로세서 스레드 수</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screen and sound</source>
        <translation>화면과 소리</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What children may do</source>
        <translation>어린이가 할 수 있는 일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Magic pictures</source>
        <translation>마법 그림</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+1"/>
        <source>Grown-ups&apos; corner</source>
        <translation>어른 코너</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;About iCanvas</source>
        <translation>iCanvas 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+15"/>
        <location line="+38"/>
        <source>Set by your school</source>
        <translation>학교에서 정한 설정</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Locked in the school&apos;s settings file: %1</source>
        <translation>학교 설정 파일에서 잠갔습니다: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Drawings</source>
        <translation>그림</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Drawings are saved in</source>
        <translation>그림이 저장되는 곳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawings are saved in:</source>
        <translation>그림이 저장되는 곳:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open the folder</source>
        <translation>폴더 열기(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change folder...</source>
        <translation>폴더 바꾸기(&amp;C)...</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Thrown-away pictures...</source>
        <translation>버린 그림(&amp;T)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;hildren...</source>
        <translation>어린이(&amp;H)...</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Picture styles children can choose</source>
        <translation>어린이가 고를 수 있는 그림 스타일</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Problems iCanvas found</source>
        <translation>iCanvas가 찾은 문제</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem reports</source>
        <translation>문제 기록</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When something goes wrong, iCanvas writes the details in this file. Send it along when you report a problem:</source>
        <translation>문제가 생기면 iCanvas가 자세한 내용을 이 파일에 적어 둬요. 문제를 알릴 때 이 파일을 함께 보내 주세요:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log file</source>
        <translation>기록 파일</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Settings not saved</source>
        <translation>설정을 저장하지 못했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The settings could not be saved: %1.</source>
        <translation>설정을 저장할 수 없습니다: %1.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the folder is read-only</source>
        <translation>폴더가 읽기 전용입니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where should the drawings be saved?</source>
        <translation>그림을 어디에 저장할까요?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../icanvas_desktop/ui/main_window.py" line="+78"/>
        <location line="+3"/>
        <source>iCanvas</source>
        <translation>iCanvas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Magic!</source>
        <translation>마법!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Magic! Make my picture</source>
        <translation>마법! 내 그림을 바꿔 줘</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Helper</source>
        <translation>도우미</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No picture styles are here yet.</source>
        <translation>아직 그림 스타일이 없어요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can still draw! A grown-up can add styles.</source>
        <translation>그래도 그림은 그릴 수 있어요! 스타일은 어른이 넣어 줄 수 있어요.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Getting the %1 magic ready...</source>
        <translation>%1 마법을 준비하고 있어요...</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Making your picture in the %1 style...</source>
        <translation>%1 스타일로 그림을 만들고 있어요...</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Draw something,</source>
        <translation>무언가를 그려 봐요,</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>and watch it come alive here!</source>
        <translation>여기에서 그림이 살아나요!</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Magic!</source>
        <translation>마법!을 눌러요!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your picture appears here when you press the Magic button.</source>
        <translation>마법! 버튼을 누르면 여기에 그림이 나타나요.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draw something first, then press Magic!</source>
        <translation>먼저 그림을 그리고 마법!을 눌러요!</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick a picture style first.</source>
        <translation>먼저 그림 스타일을 골라요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Magic is happening...</source>
        <translation>마법이 일어나고 있어요...</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Ta-da! Look what you made!</source>
        <translation>짜잔! 네가 만든 그림을 봐!</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Oh no! This picture style is sleeping.</source>
        <translation>이런! 이 그림 스타일이 잠들어 있어요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can keep drawing, or pick another style.</source>
        <translation>계속 그리거나 다른 스타일을 골라 봐요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The magic got stuck this time.</source>
        <translation>이번에는 마법이 멈췄어요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep drawing and try again!</source>
        <translation>계속 그리고 다시 해 봐요!</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The magic got stuck. Try Magic again!</source>
        <translation>마법이 멈췄어요. 마법!을 다시 눌러 봐요!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start a new drawing?</source>
        <translation>새 그림을 시작할까요?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A fresh page! Undo brings the old one back.</source>
        <translation>새 종이예요! 되돌리기를 누르면 전 그림이 돌아와요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Eraser: rub out lines and colours.</source>
        <translation>지우개: 선과 색을 지워요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 paint: scribble where you want %1 in the magic picture.</source>
        <translation>%1 물감: 마법 그림에서 %1이 나왔으면 하는 곳에 칠해요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(This style picks its own colours.)</source>
        <translation>(이 스타일은 색을 스스로 골라요.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thin pen: draw fine black lines.</source>
        <translation>가는 펜: 가는 검은 선을 그려요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium pen: draw black lines.</source>
        <translation>중간 펜: 검은 선을 그려요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thick pen: draw big bold lines.</source>
        <translation>굵은 펜: 크고 굵은 선을 그려요.</translation>
    </message>
</context>
<context>
    <name>Motion</name>
    <message>
        <location filename="../../icanvas_desktop/ui/motion_player.py" line="+32"/>
        <source>Bounce</source>
        <translation>통통</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wobble</source>
        <translation>말랑말랑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dance</source>
        <translation>춤추기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Float</source>
        <translation>둥실둥실</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spin</source>
        <translation>빙글 점프</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk</source>
        <translation>걷기</translation>
    </message>
</context>
<context>
    <name>MotionBar</name>
    <message>
        <location filename="../../icanvas_desktop/ui/motion_views.py" line="+49"/>
        <source>Make it move!</source>
        <translation>움직여 봐!</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make my picture move</source>
        <translation>내 그림을 움직이게 하기</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stop</source>
        <translation>멈춰!</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop moving</source>
        <translation>그만 움직이기</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Pick a way to move!</source>
        <translation>어떻게 움직일지 골라 봐!</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>There is nothing to move yet. Draw something first!</source>
        <translation>아직 움직일 그림이 없어요. 먼저 그림을 그려 봐요!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture could not move this time.</source>
        <translation>이번에는 그림이 움직이지 못했어요.</translation>
    </message>
</context>
<context>
    <name>MotionPage</name>
    <message>
        <location line="+43"/>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as a moving picture</source>
        <translation>움직이는 그림으로 저장</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save the moving picture: %1</source>
        <translation>움직이는 그림을 저장하지 못했어요: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wait a moment: the picture is still getting ready to move.</source>
        <translation>잠깐만요! 그림이 움직일 준비를 하고 있어요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving...</source>
        <translation>저장하고 있어요...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved in your Pictures folder!</source>
        <translation>사진 폴더에 저장했어요!</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is nothing to move yet. Draw something first!</source>
        <translation>아직 움직일 그림이 없어요. 먼저 그림을 그려 봐요!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture could not move this time.</source>
        <translation>이번에는 그림이 움직이지 못했어요.</translation>
    </message>
</context>
<context>
    <name>PageKeeper</name>
    <message>
        <location filename="../../icanvas_desktop/ui/page_keeper.py" line="+69"/>
        <source>Here is your drawing! Keep going.</source>
        <translation>네 그림이 여기 있어요! 계속 그려요.</translation>
    </message>
</context>
<context>
    <name>PictureView</name>
    <message>
        <location filename="../../icanvas_desktop/ui/widgets.py" line="-157"/>
        <source>Magic picture</source>
        <translation>마법 그림</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The picture made from your drawing.</source>
        <translation>네 그림으로 만든 그림이에요.</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <location filename="../../icanvas_desktop/ui/profile_picker.py" line="+71"/>
        <source>Who is drawing?</source>
        <translation>누가 그림을 그리나요?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pick your animal!</source>
        <translation>내 동물을 골라요!</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name (for a grown-up to type, if you like):</source>
        <translation>이름 (원하면 어른이 입력해 주세요):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+3"/>
        <source>Add someone new</source>
        <translation>새 친구 추가하기</translation>
    </message>
</context>
<context>
    <name>StartFailure</name>
    <message>
        <location filename="../../icanvas_desktop/ui/start_guard.py" line="+33"/>
        <source>iCanvas could not start</source>
        <translation>iCanvas를 시작하지 못했어요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong while iCanvas was starting. Your drawings are safe: nothing was changed or deleted.</source>
        <translation>iCanvas를 시작하다가 문제가 생겼어요. 그림은 안전해요. 아무것도 바뀌거나 지워지지 않았어요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please show this to a grown-up. The details are written in: %1</source>
        <translation>어른에게 이 창을 보여 주세요. 자세한 내용은 여기에 적혀 있어요: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please show this to a grown-up. The details are below.</source>
        <translation>어른에게 이 창을 보여 주세요. 자세한 내용은 아래에 있어요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>StylePicker</name>
    <message>
        <location filename="../../icanvas_desktop/ui/style_picker.py" line="+65"/>
        <source>Picture styles</source>
        <translation>그림 스타일</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Style: %1</source>
        <translation>스타일: %1</translation>
    </message>
</context>
<context>
    <name>ToolPanel</name>
    <message>
        <location filename="../../icanvas_desktop/ui/tool_panel.py" line="+33"/>
        <source>Red</source>
        <translation>빨강</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>주황</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yellow</source>
        <translation>노랑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>초록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>파랑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>보라</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pink</source>
        <translation>분홍</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peach</source>
        <translation>살구색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brown</source>
        <translation>갈색</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tools</source>
        <translation>도구</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thin</source>
        <translation>가늘게</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thin pen</source>
        <translation>가는 펜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>중간</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Medium pen</source>
        <translation>중간 펜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thick</source>
        <translation>굵게</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thick pen</source>
        <translation>굵은 펜</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Eraser</source>
        <translation>지우개</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>paint</source>
        <translation>물감</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>다시 하기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New page</source>
        <translation>새 종이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new drawing</source>
        <translation>새 그림 시작하기</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Colour</source>
        <translation>색깔</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../icanvas_desktop/ui/trash_view.py" line="+36"/>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder is read-only</source>
        <translation>폴더가 읽기 전용입니다</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+1"/>
        <location line="+17"/>
        <source>Thrown-away pictures</source>
        <translation>버린 그림</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Pictures the children threw away wait here. Put them back into their gallery, or empty the trash to delete them for good.</source>
        <translation>어린이들이 버린 그림이 여기에 있습니다. 갤러리로 되돌려 놓거나, 휴지통을 비워 완전히 지울 수 있습니다.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The trash is empty.</source>
        <translation>휴지통이 비어 있습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Put back</source>
        <translation>되돌려 놓기(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Empty the trash...</source>
        <translation>휴지통 비우기(&amp;E)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Delete this picture for good? It cannot be brought back.</source>
        <translation>이 그림을 완전히 지울까요? 다시 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete these %1 pictures for good? They cannot be brought back.</source>
        <translation>그림 %1개를 완전히 지울까요? 다시 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty the trash?</source>
        <translation>휴지통을 비울까요?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete for good</source>
        <translation>완전히 지우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep them</source>
        <translation>그대로 두기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep it</source>
        <translation>그대로 두기</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>it is damaged</source>
        <translation>파일이 손상되었습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A picture could not be put back: %1.</source>
        <translation>그림을 되돌려 놓지 못했습니다: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The picture is back, in %1&apos;s gallery.</source>
        <translation>그림이 %1의 갤러리로 돌아갔습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pictures are back. Those whose child was removed are in %2&apos;s gallery.</source>
        <translation>그림 %1개가 돌아갔습니다. 지워진 어린이의 그림은 %2의 갤러리로 갔습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The picture is back in its gallery.</source>
        <translation>그림을 갤러리로 되돌려 놓았습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pictures are back in their gallery.</source>
        <translation>그림 %1개를 갤러리로 되돌려 놓았습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whose pictures?</source>
        <translation>누구의 그림으로 할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child who made this picture was removed. Whose gallery should it go to?</source>
        <translation>이 그림을 그린 어린이가 지워졌습니다. 누구의 갤러리로 보낼까요?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The child who made these %1 pictures was removed. Whose gallery should they go to?</source>
        <translation>그림 %1개를 그린 어린이가 지워졌습니다. 누구의 갤러리로 보낼까요?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give to %1</source>
        <translation>%1에게 주기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep in the trash</source>
        <translation>휴지통에 그대로 두기</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The trash could not be emptied: %1.</source>
        <translation>휴지통을 비우지 못했습니다: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The picture was deleted for good.</source>
        <translation>그림을 완전히 지웠습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pictures were deleted for good.</source>
        <translation>그림 %1개를 완전히 지웠습니다.</translation>
    </message>
</context>
<context>
    <name>UnlockToast</name>
    <message>
        <location filename="../../icanvas_desktop/ui/badge_shelf.py" line="+176"/>
        <source>New badge!</source>
        <translation>새 배지!</translation>
    </message>
</context>
</TS>
