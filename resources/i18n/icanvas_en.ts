<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../icanvas_desktop/ui/grownups_about.py" line="+33"/>
        <source>The Qt Company and contributors. iCanvas uses Qt as separate libraries, which you may replace with your own build.</source>
        <translation>The Qt Company and contributors. iCanvas uses Qt as separate libraries, which you may replace with your own build.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meta Platforms and contributors. Used to train the picture styles.</source>
        <translation>Meta Platforms and contributors. Used to train the picture styles.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microsoft and contributors. Runs the picture styles on this computer.</source>
        <translation>Microsoft and contributors. Runs the picture styles on this computer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emoji artwork by OpenMoji, the open-source emoji and icon project (openmoji.org). Used as drawing examples for training.</source>
        <translation>Emoji artwork by OpenMoji, the open-source emoji and icon project (openmoji.org). Used as drawing examples for training.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emoji graphics copyright Twitter, Inc. and other contributors. Used as drawing examples for training.</source>
        <translation>Emoji graphics copyright Twitter, Inc. and other contributors. Used as drawing examples for training.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Google and contributors. Used as drawing examples for training.</source>
        <translation>Google and contributors. Used as drawing examples for training.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NumPy developers.</source>
        <translation>NumPy developers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jeffrey A. Clark and contributors.</source>
        <translation>Jeffrey A. Clark and contributors.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hugging Face.</source>
        <translation>Hugging Face.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Their authors and contributors.</source>
        <translation>Their authors and contributors.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python Software Foundation.</source>
        <translation>Python Software Foundation.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+1"/>
        <source>About iCanvas</source>
        <translation>About iCanvas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>iCanvas %1</source>
        <translation>iCanvas %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Credits and licences</source>
        <translation>Credits and licences</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>iCanvas turns children&apos;s drawings into pictures, right on this computer. It never connects to the internet, and the drawings stay here.</source>
        <translation>iCanvas turns children&apos;s drawings into pictures, right on this computer. It never connects to the internet, and the drawings stay here.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Picture styles</source>
        <translation>Picture styles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No picture styles are installed.</source>
        <translation>No picture styles are installed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Licence:</source>
        <translation>Licence:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Magic colours in this style looks at small copies of the same pictures, under the same licence.</source>
        <translation>Magic colours in this style looks at small copies of the same pictures, under the same licence.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Magic colours in this style looks at small copies of other pictures (%1), licence %2:</source>
        <translation>Magic colours in this style looks at small copies of other pictures (%1), licence %2:</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Read the model card</source>
        <translation>Read the model card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made with</source>
        <translation>Made with</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../../icanvas_desktop/ui/shell.py" line="+41"/>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder is read-only</source>
        <translation>the folder is read-only</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Keep holding to close iCanvas...</source>
        <translation>Keep holding to close iCanvas...</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Who is drawing?</source>
        <translation>Who is drawing?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My pictures</source>
        <translation>My pictures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badges</source>
        <translation>Badges</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My badges</source>
        <translation>My badges</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grown-ups&apos; corner (settings)</source>
        <translation>Grown-ups&apos; corner (settings)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1 is drawing. Tap to change.</source>
        <translation>%1 is drawing. Tap to change.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Your other drawing is not lost: Undo brings it back.</source>
        <translation>Your other drawing is not lost: Undo brings it back.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Ta-da! Your picture is kept in your gallery.</source>
        <translation>Ta-da! Your picture is kept in your gallery.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Oh no, your picture could not be kept (%1). It is still here. Ask a grown-up to help.</source>
        <translation>Oh no, your picture could not be kept (%1). It is still here. Ask a grown-up to help.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Draw today&apos;s challenge first, then press &quot;I did it!&quot;</source>
        <translation>Draw today&apos;s challenge first, then press &quot;I did it!&quot;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>You did today&apos;s challenge! Your picture got a sticker.</source>
        <translation>You did today&apos;s challenge! Your picture got a sticker.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sticker could not be kept. Ask a grown-up to help.</source>
        <translation>The sticker could not be kept. Ask a grown-up to help.</translation>
    </message>
</context>
<context>
    <name>BadgeShelf</name>
    <message>
        <location filename="../../icanvas_desktop/ui/badge_shelf.py" line="+88"/>
        <source>My badges</source>
        <translation>My badges</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Badges found: %1</source>
        <translation>Badges found: %1</translation>
    </message>
</context>
<context>
    <name>BadgeTile</name>
    <message>
        <location line="-61"/>
        <source>Surprise!</source>
        <translation>Surprise!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep drawing to find this surprise badge.</source>
        <translation>Keep drawing to find this surprise badge.</translation>
    </message>
</context>
<context>
    <name>CanvasWidget</name>
    <message>
        <location filename="../../icanvas_desktop/ui/canvas.py" line="+70"/>
        <source>Drawing page</source>
        <translation>Drawing page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw here with the mouse, a finger or a pen.</source>
        <translation>Draw here with the mouse, a finger or a pen.</translation>
    </message>
    <message>
        <location line="+273"/>
        <source>Draw here!</source>
        <translation>Draw here!</translation>
    </message>
</context>
<context>
    <name>ChallengeCard</name>
    <message>
        <location filename="../../icanvas_desktop/ui/challenge_card.py" line="+43"/>
        <source>Today&apos;s challenge</source>
        <translation>Today&apos;s challenge</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+25"/>
        <source>I did it!</source>
        <translation>I did it!</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Well done!</source>
        <translation>Well done!</translation>
    </message>
</context>
<context>
    <name>ChildrenDialog</name>
    <message>
        <location filename="../../icanvas_desktop/ui/grownups_children.py" line="+27"/>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder is read-only</source>
        <translation>the folder is read-only</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+1"/>
        <source>Children</source>
        <translation>Children</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a name to tell children apart, or leave it empty to use the animal and its colour. Changes are kept at once.</source>
        <translation>Type a name to tell children apart, or leave it empty to use the animal and its colour. Changes are kept at once.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No children yet.</source>
        <translation>No children yet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name of %1</source>
        <translation>Name of %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove...</source>
        <translation>Remove...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The name could not be kept: %1.</source>
        <translation>The name could not be kept: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove %1? Their pictures (%2) go to the thrown-away pictures, where you can put them back. Their badges and the drawing they are working on are removed.</source>
        <translation>Remove %1? Their pictures (%2) go to the thrown-away pictures, where you can put them back. Their badges and the drawing they are working on are removed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 could not be removed: %2.</source>
        <translation>%1 could not be removed: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was removed.</source>
        <translation>%1 was removed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove a child</source>
        <translation>Remove a child</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../icanvas_desktop/ui/widgets.py" line="+306"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../../icanvas_desktop/ui/gallery_view.py" line="+91"/>
        <source>No pictures yet. Draw something and keep it here!</source>
        <translation>No pictures yet. Draw something and keep it here!</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep drawing</source>
        <translation>Keep drawing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch it again</source>
        <translation>Watch it again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make it move!</source>
        <translation>Make it move!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slideshow</source>
        <translation>Slideshow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to Pictures</source>
        <translation>Save to Pictures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw away</source>
        <translation>Throw away</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Throw this picture away?</source>
        <translation>Throw this picture away?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No, keep it!</source>
        <translation>No, keep it!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes, throw it away</source>
        <translation>Yes, throw it away</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Again!</source>
        <translation>Again!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as a moving picture</source>
        <translation>Save as a moving picture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Stop the show</source>
        <translation>Stop the show</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Oh no, this picture could not be opened. It was put aside safely.</source>
        <translation>Oh no, this picture could not be opened. It was put aside safely.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The picture could not be thrown away. Ask a grown-up.</source>
        <translation>The picture could not be thrown away. Ask a grown-up.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Could not save the picture: %1</source>
        <translation>Could not save the picture: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved in your Pictures folder!</source>
        <translation>Saved in your Pictures folder!</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A damaged picture was put aside safely.</source>
        <translation>A damaged picture was put aside safely.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A picture with missing parts was put aside safely.</source>
        <translation>A picture with missing parts was put aside safely.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A picture that could not be read was put aside safely.</source>
        <translation>A picture that could not be read was put aside safely.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A picture from a newer iCanvas is kept but not shown.</source>
        <translation>A picture from a newer iCanvas is kept but not shown.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something that is not a picture was put aside safely.</source>
        <translation>Something that is not a picture was put aside safely.</translation>
    </message>
</context>
<context>
    <name>GrownUpGate</name>
    <message>
        <location filename="../../icanvas_desktop/ui/grownups_gate.py" line="+24"/>
        <location line="+1"/>
        <source>For grown-ups</source>
        <translation>For grown-ups</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Your answer</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase the last number</source>
        <translation>Erase the last number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check my answer</source>
        <translation>Check my answer</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Back to drawing</source>
        <translation>Back to drawing</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>What is %1 + %2?</source>
        <translation>What is %1 + %2?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not quite. Here is another one.</source>
        <translation>Not quite. Here is another one.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grown-ups only: type the answer or tap the numbers.</source>
        <translation>Grown-ups only: type the answer or tap the numbers.</translation>
    </message>
</context>
<context>
    <name>GrownUpsScreen</name>
    <message>
        <location filename="../../icanvas_desktop/ui/grownups.py" line="+62"/>
        <source>Fill the whole screen</source>
        <translation>Fill the whole screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the Quit button (grown-ups hold Ctrl+Shift+Q to quit)</source>
        <translation>Hide the Quit button (grown-ups hold Ctrl+Shift+Q to quit)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Children may delete drawings</source>
        <translation>Children may delete drawings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Children may save copies and print</source>
        <translation>Children may save copies and print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play sounds</source>
        <translation>Play sounds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button size</source>
        <translation>Button size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Big</source>
        <translation>Big</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High-contrast colours</source>
        <translation>High-contrast colours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same as the computer</source>
        <translation>Same as the computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Korean (한국어)</source>
        <translation>Korean (한국어)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When iCanvas starts</source>
        <translation>When iCanvas starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with a blank page</source>
        <translation>Start with a blank page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the last drawing</source>
        <translation>Open the last drawing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the picture while drawing</source>
        <translation>Show the picture while drawing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Magic colours: guess a colour for each shape the child leaves uncoloured</source>
        <translation>Magic colours: guess a colour for each shape the child leaves uncoloured</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make pictures with</source>
        <translation>Make pictures with</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose automatically</source>
        <translation>Choose automatically</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The processor (CPU)</source>
        <translation>The processor (CPU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The graphics card (CUDA)</source>
        <translation>The graphics card (CUDA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processor threads</source>
        <translation>Processor threads</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screen and sound</source>
        <translation>Screen and sound</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What children may do</source>
        <translation>What children may do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Magic pictures</source>
        <translation>Magic pictures</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+1"/>
        <source>Grown-ups&apos; corner</source>
        <translation>Grown-ups&apos; corner</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;About iCanvas</source>
        <translation>&amp;About iCanvas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+15"/>
        <location line="+38"/>
        <source>Set by your school</source>
        <translation>Set by your school</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Locked in the school&apos;s settings file: %1</source>
        <translation>Locked in the school&apos;s settings file: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Drawings</source>
        <translation>Drawings</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Drawings are saved in</source>
        <translation>Drawings are saved in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawings are saved in:</source>
        <translation>Drawings are saved in:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open the folder</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change folder...</source>
        <translation>&amp;Change folder...</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Thrown-away pictures...</source>
        <translation>&amp;Thrown-away pictures...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;hildren...</source>
        <translation>C&amp;hildren...</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Picture styles children can choose</source>
        <translation>Picture styles children can choose</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Problems iCanvas found</source>
        <translation>Problems iCanvas found</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem reports</source>
        <translation>Problem reports</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When something goes wrong, iCanvas writes the details in this file. Send it along when you report a problem:</source>
        <translation>When something goes wrong, iCanvas writes the details in this file. Send it along when you report a problem:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log file</source>
        <translation>Log file</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Settings not saved</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The settings could not be saved: %1.</source>
        <translation>The settings could not be saved: %1.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the folder is read-only</source>
        <translation>the folder is read-only</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where should the drawings be saved?</source>
        <translation>Where should the drawings be saved?</translation>
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
        <translation>Magic!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Magic! Make my picture</source>
        <translation>Magic! Make my picture</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Helper</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No picture styles are here yet.</source>
        <translation>No picture styles are here yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can still draw! A grown-up can add styles.</source>
        <translation>You can still draw! A grown-up can add styles.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Getting the %1 magic ready...</source>
        <translation>Getting the %1 magic ready...</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Making your picture in the %1 style...</source>
        <translation>Making your picture in the %1 style...</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Draw something,</source>
        <translation>Draw something,</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>and watch it come alive here!</source>
        <translation>and watch it come alive here!</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Magic!</source>
        <translation>Press Magic!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your picture appears here when you press the Magic button.</source>
        <translation>Your picture appears here when you press the Magic button.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draw something first, then press Magic!</source>
        <translation>Draw something first, then press Magic!</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick a picture style first.</source>
        <translation>Pick a picture style first.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Magic is happening...</source>
        <translation>Magic is happening...</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Ta-da! Look what you made!</source>
        <translation>Ta-da! Look what you made!</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Oh no! This picture style is sleeping.</source>
        <translation>Oh no! This picture style is sleeping.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can keep drawing, or pick another style.</source>
        <translation>You can keep drawing, or pick another style.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The magic got stuck this time.</source>
        <translation>The magic got stuck this time.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep drawing and try again!</source>
        <translation>Keep drawing and try again!</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The magic got stuck. Try Magic again!</source>
        <translation>The magic got stuck. Try Magic again!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start a new drawing?</source>
        <translation>Start a new drawing?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A fresh page! Undo brings the old one back.</source>
        <translation>A fresh page! Undo brings the old one back.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Eraser: rub out lines and colours.</source>
        <translation>Eraser: rub out lines and colours.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 paint: scribble where you want %1 in the magic picture.</source>
        <translation>%1 paint: scribble where you want %1 in the magic picture.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(This style picks its own colours.)</source>
        <translation>(This style picks its own colours.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thin pen: draw fine black lines.</source>
        <translation>Thin pen: draw fine black lines.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium pen: draw black lines.</source>
        <translation>Medium pen: draw black lines.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thick pen: draw big bold lines.</source>
        <translation>Thick pen: draw big bold lines.</translation>
    </message>
</context>
<context>
    <name>Motion</name>
    <message>
        <location filename="../../icanvas_desktop/ui/motion_player.py" line="+32"/>
        <source>Bounce</source>
        <translation>Bounce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wobble</source>
        <translation>Wobble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dance</source>
        <translation>Dance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Float</source>
        <translation>Float</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spin</source>
        <translation>Spin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk</source>
        <translation>Walk</translation>
    </message>
</context>
<context>
    <name>MotionBar</name>
    <message>
        <location filename="../../icanvas_desktop/ui/motion_views.py" line="+49"/>
        <source>Make it move!</source>
        <translation>Make it move!</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make my picture move</source>
        <translation>Make my picture move</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop moving</source>
        <translation>Stop moving</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Pick a way to move!</source>
        <translation>Pick a way to move!</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>There is nothing to move yet. Draw something first!</source>
        <translation>There is nothing to move yet. Draw something first!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture could not move this time.</source>
        <translation>The picture could not move this time.</translation>
    </message>
</context>
<context>
    <name>MotionPage</name>
    <message>
        <location line="+43"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as a moving picture</source>
        <translation>Save as a moving picture</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save the moving picture: %1</source>
        <translation>Could not save the moving picture: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wait a moment: the picture is still getting ready to move.</source>
        <translation>Wait a moment: the picture is still getting ready to move.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved in your Pictures folder!</source>
        <translation>Saved in your Pictures folder!</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is nothing to move yet. Draw something first!</source>
        <translation>There is nothing to move yet. Draw something first!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture could not move this time.</source>
        <translation>The picture could not move this time.</translation>
    </message>
</context>
<context>
    <name>PageKeeper</name>
    <message>
        <location filename="../../icanvas_desktop/ui/page_keeper.py" line="+69"/>
        <source>Here is your drawing! Keep going.</source>
        <translation>Here is your drawing! Keep going.</translation>
    </message>
</context>
<context>
    <name>PictureView</name>
    <message>
        <location filename="../../icanvas_desktop/ui/widgets.py" line="-157"/>
        <source>Magic picture</source>
        <translation>Magic picture</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The picture made from your drawing.</source>
        <translation>The picture made from your drawing.</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <location filename="../../icanvas_desktop/ui/profile_picker.py" line="+71"/>
        <source>Who is drawing?</source>
        <translation>Who is drawing?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pick your animal!</source>
        <translation>Pick your animal!</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name (for a grown-up to type, if you like):</source>
        <translation>Name (for a grown-up to type, if you like):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+3"/>
        <source>Add someone new</source>
        <translation>Add someone new</translation>
    </message>
</context>
<context>
    <name>StartFailure</name>
    <message>
        <location filename="../../icanvas_desktop/ui/start_guard.py" line="+33"/>
        <source>iCanvas could not start</source>
        <translation>iCanvas could not start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong while iCanvas was starting. Your drawings are safe: nothing was changed or deleted.</source>
        <translation>Something went wrong while iCanvas was starting. Your drawings are safe: nothing was changed or deleted.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please show this to a grown-up. The details are written in: %1</source>
        <translation>Please show this to a grown-up. The details are written in: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please show this to a grown-up. The details are below.</source>
        <translation>Please show this to a grown-up. The details are below.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StylePicker</name>
    <message>
        <location filename="../../icanvas_desktop/ui/style_picker.py" line="+65"/>
        <source>Picture styles</source>
        <translation>Picture styles</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Style: %1</source>
        <translation>Style: %1</translation>
    </message>
</context>
<context>
    <name>ToolPanel</name>
    <message>
        <location filename="../../icanvas_desktop/ui/tool_panel.py" line="+33"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>Purple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pink</source>
        <translation>Pink</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peach</source>
        <translation>Peach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brown</source>
        <translation>Brown</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thin</source>
        <translation>Thin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thin pen</source>
        <translation>Thin pen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Medium pen</source>
        <translation>Medium pen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thick</source>
        <translation>Thick</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thick pen</source>
        <translation>Thick pen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Eraser</source>
        <translation>Eraser</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>paint</source>
        <translation>paint</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New page</source>
        <translation>New page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new drawing</source>
        <translation>Start a new drawing</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../icanvas_desktop/ui/trash_view.py" line="+36"/>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder is read-only</source>
        <translation>the folder is read-only</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+1"/>
        <location line="+17"/>
        <source>Thrown-away pictures</source>
        <translation>Thrown-away pictures</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Pictures the children threw away wait here. Put them back into their gallery, or empty the trash to delete them for good.</source>
        <translation>Pictures the children threw away wait here. Put them back into their gallery, or empty the trash to delete them for good.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The trash is empty.</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Put back</source>
        <translation>&amp;Put back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Empty the trash...</source>
        <translation>&amp;Empty the trash...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Delete this picture for good? It cannot be brought back.</source>
        <translation>Delete this picture for good? It cannot be brought back.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete these %1 pictures for good? They cannot be brought back.</source>
        <translation>Delete these %1 pictures for good? They cannot be brought back.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty the trash?</source>
        <translation>Empty the trash?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete for good</source>
        <translation>Delete for good</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep them</source>
        <translation>Keep them</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>it is damaged</source>
        <translation>it is damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A picture could not be put back: %1.</source>
        <translation>A picture could not be put back: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The picture is back, in %1&apos;s gallery.</source>
        <translation>The picture is back, in %1&apos;s gallery.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pictures are back. Those whose child was removed are in %2&apos;s gallery.</source>
        <translation>%1 pictures are back. Those whose child was removed are in %2&apos;s gallery.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The picture is back in its gallery.</source>
        <translation>The picture is back in its gallery.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pictures are back in their gallery.</source>
        <translation>%1 pictures are back in their gallery.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whose pictures?</source>
        <translation>Whose pictures?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child who made this picture was removed. Whose gallery should it go to?</source>
        <translation>The child who made this picture was removed. Whose gallery should it go to?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The child who made these %1 pictures was removed. Whose gallery should they go to?</source>
        <translation>The child who made these %1 pictures was removed. Whose gallery should they go to?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give to %1</source>
        <translation>Give to %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep in the trash</source>
        <translation>Keep in the trash</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The trash could not be emptied: %1.</source>
        <translation>The trash could not be emptied: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The picture was deleted for good.</source>
        <translation>The picture was deleted for good.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pictures were deleted for good.</source>
        <translation>%1 pictures were deleted for good.</translation>
    </message>
</context>
<context>
    <name>UnlockToast</name>
    <message>
        <location filename="../../icanvas_desktop/ui/badge_shelf.py" line="+176"/>
        <source>New badge!</source>
        <translation>New badge!</translation>
    </message>
</context>
</TS>
