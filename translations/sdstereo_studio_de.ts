<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Stereo (3D) pairs from a photo and a depth map.</source>
        <translation>Stereopaare (3D) aus einem Foto und einer Tiefenkarte.</translation>
    </message>
    <message>
        <source>The photo to open.</source>
        <translation>Das zu öffnende Foto.</translation>
    </message>
    <message>
        <source>Its depth map.</source>
        <translation>Seine Tiefenkarte.</translation>
    </message>
    <message>
        <source>Save the window to FILE once the preview is shown, then quit.</source>
        <translation>Das Fenster nach der ersten Vorschau in FILE speichern und beenden.</translation>
    </message>
    <message>
        <source>Test hook: reach state NAME, grab the screen into the --screenshot FILE, quit.</source>
        <translation>Testhilfe: Zustand NAME herstellen, den Bildschirm in die --screenshot-Datei FILE aufnehmen, beenden.</translation>
    </message>
    <message>
        <source>Scenario input.</source>
        <translation>Eingabe für das Szenario.</translation>
    </message>
</context>
<context>
    <name>sds::ui::AboutDialog</name>
    <message>
        <source>Stereo (3D) image pairs from a photo and its depth map, and with Stable Diffusion by the StereoDiffusion method.</source>
        <translation>Stereobildpaare (3D) aus einem Foto und seiner Tiefenkarte, und mit Stable Diffusion nach dem StereoDiffusion-Verfahren.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>%1, by %2, %3 (%4).</source>
        <translation>%1, von %2, %3 (%4).</translation>
    </message>
    <message>
        <source>Models you may load</source>
        <translation>Modelle, die Sie laden können</translation>
    </message>
    <message>
        <source>The studio ships no model weights. Each model you load comes under its own licence; read its model card before you use its results.</source>
        <translation>Das Studio liefert keine Modellgewichte mit. Jedes Modell, das Sie laden, steht unter seiner eigenen Lizenz; lesen Sie seine Modellkarte, bevor Sie seine Ergebnisse verwenden.</translation>
    </message>
    <message>
        <source>%1, also its inpainting checkpoints</source>
        <translation>%1, auch seine Inpainting-Checkpoints</translation>
    </message>
    <message>
        <source>%1, also their inpainting checkpoints</source>
        <translation>%1, auch ihre Inpainting-Checkpoints</translation>
    </message>
    <message>
        <source>Small: %1; Base, Large and Giant: %2 (non-commercial)</source>
        <translation>Small: %1; Base, Large und Giant: %2 (nicht kommerziell)</translation>
    </message>
    <message>
        <source>Small, Base, Mono-Large and Metric-Large: %1; Large, Giant and Nested: %2 (non-commercial)</source>
        <translation>Small, Base, Mono-Large und Metric-Large: %1; Large, Giant und Nested: %2 (nicht kommerziell)</translation>
    </message>
    <message>
        <source>Libraries shipped</source>
        <translation>Mitgelieferte Bibliotheken</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>StereoDiffusion Studio is free software under the %1 licence.</source>
        <translation>StereoDiffusion Studio ist freie Software unter der %1-Lizenz.</translation>
    </message>
    <message>
        <source>About StereoDiffusion Studio</source>
        <translation>Über StereoDiffusion Studio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>sds::ui::ComfortPanel</name>
    <message>
        <source>Phone</source>
        <translation>Smartphone</translation>
    </message>
    <message>
        <source>Monitor (27 inch)</source>
        <translation>Monitor (27 Zoll)</translation>
    </message>
    <message>
        <source>3D TV (55 inch)</source>
        <translation>3D-Fernseher (55 Zoll)</translation>
    </message>
    <message>
        <source>VR headset (virtual screen)</source>
        <translation>VR-Brille (virtuelle Leinwand)</translation>
    </message>
    <message>
        <source>The picture %1 cm wide, seen from %2 cm</source>
        <translation>Bild %1 cm breit, aus %2 cm betrachtet</translation>
    </message>
    <message>
        <source>The screen the pair will be watched on: its width and the viewing distance set how deep the pixels look</source>
        <translation>Der Bildschirm, auf dem das Paar betrachtet wird: Seine Breite und der Betrachtungsabstand bestimmen, wie tief die Pixel wirken</translation>
    </message>
    <message>
        <source>Comfort rule: every point within ±%1° of angular disparity from the screen plane, and nothing behind the screen by more than the eyes&apos; %2 mm separation (Lambooij et al., J. Imaging Sci. Technol. 53(3), 2009; 3DC Safety Guidelines, 2010)</source>
        <translation>Komfortregel: jeder Punkt innerhalb von ±%1° Winkeldisparität zur Bildschirmebene, und nichts weiter hinter dem Bildschirm als der Augenabstand von %2 mm (Lambooij u. a., J. Imaging Sci. Technol. 53(3), 2009; 3DC Safety Guidelines, 2010)</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>on the screen plane</source>
        <translation>auf der Bildschirmebene</translation>
    </message>
    <message>
        <source>%1 mm in front of the screen (%2°)</source>
        <translation>%1 mm vor dem Bildschirm (%2°)</translation>
    </message>
    <message>
        <source>%1 mm behind the screen (%2°)</source>
        <translation>%1 mm hinter dem Bildschirm (%2°)</translation>
    </message>
    <message>
        <source>Render or generate a pair to see how deep it looks here.</source>
        <translation>Rendern oder generieren Sie ein Paar, um hier zu sehen, wie tief es wirkt.</translation>
    </message>
    <message>
        <source>Nearest: %1. Farthest: %2.</source>
        <translation>Nächster Punkt: %1. Fernster Punkt: %2.</translation>
    </message>
    <message>
        <source>⚠ Too deep: the eyes would have to diverge. Lower the disparity.</source>
        <translation>⚠ Zu tief: Die Augen müssten divergieren. Verringern Sie die Disparität.</translation>
    </message>
    <message>
        <source>⚠ Beyond ±%1° on this display: eye strain is likely. Lower the disparity.</source>
        <translation>⚠ Mehr als ±%1° auf dieser Anzeige: Die Augen werden wahrscheinlich ermüden. Verringern Sie die Disparität.</translation>
    </message>
    <message>
        <source>Comfortable: within ±%1° on this display.</source>
        <translation>Angenehm: innerhalb von ±%1° auf dieser Anzeige.</translation>
    </message>
</context>
<context>
    <name>sds::ui::ControlUndo</name>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
</context>
<context>
    <name>sds::ui::DepthEstimateController</name>
    <message>
        <source>&amp;Estimate Depth</source>
        <translation>Tiefe &amp;schätzen</translation>
    </message>
    <message>
        <source>Use &amp;My Depth File</source>
        <translation>&amp;Eigene Tiefenkarte verwenden</translation>
    </message>
    <message>
        <source>Use the E&amp;stimated Depth</source>
        <translation>&amp;Geschätzte Tiefe verwenden</translation>
    </message>
    <message>
        <source>Estimate Depth of Every &amp;Opened Photo</source>
        <translation>Tiefe jedes geöffneten &amp;Fotos schätzen</translation>
    </message>
    <message>
        <source>Estimate the photo&apos;s depth with the depth model chosen in the Generate dock</source>
        <translation>Die Tiefe des Fotos mit dem im Bereich „Generieren“ gewählten Tiefenmodell schätzen</translation>
    </message>
    <message>
        <source>Render with the depth map you opened</source>
        <translation>Mit der von Ihnen geöffneten Tiefenkarte rendern</translation>
    </message>
    <message>
        <source>Render with the depth map the depth model estimated</source>
        <translation>Mit der vom Tiefenmodell geschätzten Tiefenkarte rendern</translation>
    </message>
    <message>
        <source>Otherwise an opened photo starts without a depth map</source>
        <translation>Sonst beginnt ein geöffnetes Foto ohne Tiefenkarte</translation>
    </message>
    <message>
        <source>Open a photo first: the depth is estimated from it.</source>
        <translation>Öffnen Sie zuerst ein Foto: Aus ihm wird die Tiefe geschätzt.</translation>
    </message>
    <message>
        <source>Choose a depth model first (Generate dock, Models, Depth model).</source>
        <translation>Wählen Sie zuerst ein Tiefenmodell (Bereich „Generieren“, Modelle, Tiefenmodell).</translation>
    </message>
    <message>
        <source>A depth estimate is already running; wait for it or cancel it.</source>
        <translation>Es läuft bereits eine Tiefenschätzung; warten Sie darauf oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>Depth estimated by %1; your own depth file, if any, is kept (Depth menu).</source>
        <translation>Tiefe von %1 geschätzt; Ihre eigene Tiefenkarte bleibt erhalten, falls vorhanden (Menü „Tiefe“).</translation>
    </message>
    <message>
        <source>Depth estimate cancelled; the depth map is unchanged.</source>
        <translation>Tiefenschätzung abgebrochen; die Tiefenkarte ist unverändert.</translation>
    </message>
    <message>
        <source>Use My Depth File (%1)</source>
        <translation>Eigene Tiefenkarte verwenden (%1)</translation>
    </message>
    <message>
        <source>Use My Depth File</source>
        <translation>Eigene Tiefenkarte verwenden</translation>
    </message>
</context>
<context>
    <name>sds::ui::DepthEstimateJob</name>
    <message>
        <source>Estimating depth</source>
        <translation>Tiefenschätzung</translation>
    </message>
    <message>
        <source>Loading the depth model</source>
        <translation>Tiefenmodell wird geladen</translation>
    </message>
    <message>
        <source>Building the previews</source>
        <translation>Vorschauen werden erstellt</translation>
    </message>
</context>
<context>
    <name>sds::ui::DepthModelField</name>
    <message>
        <source>The depth models found on this computer with their licences, best first; or type or choose a Depth Anything V2 or 3 folder or .safetensors file</source>
        <translation>Die auf diesem Computer gefundenen Tiefenmodelle mit ihren Lizenzen, das beste zuerst; oder einen Ordner oder eine .safetensors-Datei von Depth Anything V2 oder 3 eingeben oder wählen</translation>
    </message>
    <message>
        <source>Choose a .safetensors file, or config.json inside a model folder</source>
        <translation>Eine .safetensors-Datei wählen oder config.json in einem Modellordner</translation>
    </message>
    <message>
        <source> °</source>
        <translation> °</translation>
    </message>
    <message>
        <source>Metric depth models measure in metres from the focal length: the photo&apos;s horizontal field of view, used when its EXIF gives no focal length</source>
        <translation>Metrische Tiefenmodelle messen in Metern anhand der Brennweite: das horizontale Bildfeld des Fotos, verwendet, wenn seine EXIF-Daten keine Brennweite angeben</translation>
    </message>
    <message>
        <source>Field of view</source>
        <translation>Bildfeld</translation>
    </message>
    <message>
        <source>custom size (%1 wide)</source>
        <translation>eigene Größe (%1 breit)</translation>
    </message>
    <message>
        <source>%1 (any-view model, not supported)</source>
        <translation>%1 (Any-View-Modell, nicht unterstützt)</translation>
    </message>
    <message>
        <source>licence unknown</source>
        <translation>Lizenz unbekannt</translation>
    </message>
    <message>
        <source>%1, non-commercial use only</source>
        <translation>%1, nur nicht-kommerzielle Nutzung</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>depth model name — its licence</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (Hugging Face cache)
%2</source>
        <translation>%1 (Hugging-Face-Cache)
%2</translation>
    </message>
    <message>
        <source>focal length from EXIF: %1 mm equiv.</source>
        <translation>Brennweite aus EXIF: %1 mm KB-äquivalent</translation>
    </message>
    <message>
        <source>focal length from EXIF: %1 mm</source>
        <translation>Brennweite aus EXIF: %1 mm</translation>
    </message>
    <message>
        <source>Choose a Depth Anything Model</source>
        <translation>Depth-Anything-Modell wählen</translation>
    </message>
    <message>
        <source>Models (*.safetensors config.json);;All files (*)</source>
        <translation>Modelle (*.safetensors config.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>sds::ui::DisparityPlot</name>
    <message>
        <source>Disparity (pixels, full resolution)</source>
        <translation>Disparität (Pixel, volle Auflösung)</translation>
    </message>
    <message>
        <source>% of pixels</source>
        <translation>% der Pixel</translation>
    </message>
</context>
<context>
    <name>sds::ui::DisplayNames</name>
    <message>
        <source>Inverse depth (near is bright)</source>
        <translation>Inverse Tiefe (nah ist hell)</translation>
    </message>
    <message>
        <source>Depth (near is dark)</source>
        <translation>Tiefe (nah ist dunkel)</translation>
    </message>
    <message>
        <source>Disparity in pixels</source>
        <translation>Disparität in Pixeln</translation>
    </message>
    <message>
        <source>Stretch background</source>
        <translation>Hintergrund strecken</translation>
    </message>
    <message>
        <source>Inpaint (Telea)</source>
        <translation>Auffüllen (Telea)</translation>
    </message>
    <message>
        <source>Photo is the left view</source>
        <translation>Foto ist die linke Ansicht</translation>
    </message>
    <message>
        <source>Photo is the centre view</source>
        <translation>Foto ist die mittlere Ansicht</translation>
    </message>
    <message>
        <source>Left view</source>
        <translation>Linke Ansicht</translation>
    </message>
    <message>
        <source>Right view</source>
        <translation>Rechte Ansicht</translation>
    </message>
    <message>
        <source>Side by side, parallel</source>
        <translation>Nebeneinander, Parallelblick</translation>
    </message>
    <message>
        <source>Side by side, cross-eyed</source>
        <translation>Nebeneinander, Kreuzblick</translation>
    </message>
    <message>
        <source>Half side by side</source>
        <translation>Halb nebeneinander</translation>
    </message>
    <message>
        <source>Over-under</source>
        <translation>Übereinander</translation>
    </message>
    <message>
        <source>Half over-under</source>
        <translation>Halb übereinander</translation>
    </message>
    <message>
        <source>Anaglyph, true</source>
        <translation>Anaglyphe, echt</translation>
    </message>
    <message>
        <source>Anaglyph, grey</source>
        <translation>Anaglyphe, grau</translation>
    </message>
    <message>
        <source>Anaglyph, colour</source>
        <translation>Anaglyphe, farbig</translation>
    </message>
    <message>
        <source>Anaglyph, half colour</source>
        <translation>Anaglyphe, halbfarbig</translation>
    </message>
    <message>
        <source>Anaglyph, Dubois</source>
        <translation>Anaglyphe, Dubois</translation>
    </message>
    <message>
        <source>Inpainting model</source>
        <translation>Inpainting-Modell</translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportController</name>
    <message>
        <source>Open a photo and a depth map before exporting.</source>
        <translation>Öffnen Sie vor dem Export ein Foto und eine Tiefenkarte.</translation>
    </message>
    <message>
        <source>An export is already running; wait for it or cancel it.</source>
        <translation>Es läuft bereits ein Export; warten Sie darauf oder brechen Sie ihn ab.</translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>JPEG-Qualität</translation>
    </message>
    <message>
        <source>Writes two files, with -left and -right added to the name.</source>
        <translation>Schreibt zwei Dateien, mit -left und -right am Namen.</translation>
    </message>
    <message>
        <source>MPO stereo images (*.mpo)</source>
        <translation>MPO-Stereobilder (*.mpo)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>How the two views are laid out in the file: side by side and over-under for 3D TVs, headsets and free viewing, anaglyph for red/cyan glasses, MPO for 3D cameras and displays</source>
        <translation>Wie die beiden Ansichten in der Datei liegen: nebeneinander und übereinander für 3D-Fernseher, VR-Brillen und freies Betrachten, Anaglyphe für Rot-Cyan-Brillen, MPO für 3D-Kameras und -Displays</translation>
    </message>
    <message>
        <source>Where the file is written; the extension follows the format</source>
        <translation>Wohin die Datei geschrieben wird; die Endung folgt dem Format</translation>
    </message>
    <message>
        <source>JPEG and MPO only: higher keeps more detail in bigger files</source>
        <translation>Nur JPEG und MPO: höher erhält mehr Details, die Dateien werden größer</translation>
    </message>
    <message>
        <source>Choose the file in a dialog</source>
        <translation>Die Datei in einem Dialog wählen</translation>
    </message>
    <message>
        <source>Enter a file name.</source>
        <translation>Geben Sie einen Dateinamen ein.</translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 ist ein Ordner; ergänzen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists in %2. Replace it?</source>
        <translation>%1 ist in %2 bereits vorhanden. Ersetzen?</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The disparity in pixels the right view was made with, near is bright; the value range is stored in the file.</source>
        <translation>Die Disparität in Pixeln, mit der die rechte Ansicht erzeugt wurde, nah ist hell; der Wertebereich wird in der Datei gespeichert.</translation>
    </message>
    <message>
        <source>At the photo&apos;s full resolution; the parameters are stored with the file.</source>
        <translation>In der vollen Auflösung des Fotos; die Parameter werden mit der Datei gespeichert.</translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportFormats</name>
    <message>
        <source>Left and right, two files</source>
        <translation>Links und rechts, zwei Dateien</translation>
    </message>
    <message>
        <source>MPO (3D cameras, Nintendo 3DS)</source>
        <translation>MPO (3D-Kameras, Nintendo 3DS)</translation>
    </message>
    <message>
        <source>Disparity map, 16-bit PNG</source>
        <translation>Disparitätskarte, 16-Bit-PNG</translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportJob</name>
    <message>
        <source>Exporting</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Rendering at full resolution</source>
        <translation>Rendern in voller Auflösung</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>This pair does not know the disparity it was made with; export it in a stereo format.</source>
        <translation>Für dieses Paar ist die Disparität, mit der es erzeugt wurde, nicht bekannt; exportieren Sie es in einem Stereoformat.</translation>
    </message>
</context>
<context>
    <name>sds::ui::FileActions</name>
    <message>
        <source>Open &amp;Photo…</source>
        <translation>&amp;Foto öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Depth Map…</source>
        <translation>&amp;Tiefenkarte öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation>Bei&amp;spiel öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open Depth Map</source>
        <translation>Tiefenkarte öffnen</translation>
    </message>
    <message>
        <source>Open Photo</source>
        <translation>Foto öffnen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Open the photo to turn into 3D</source>
        <translation>Das Foto öffnen, das in 3D umgewandelt werden soll</translation>
    </message>
    <message>
        <source>Open the depth map that belongs to the photo: a greyscale image, read as the Depth map setting says</source>
        <translation>Die zum Foto gehörende Tiefenkarte öffnen: ein Graustufenbild, gelesen wie unter „Tiefenkarte“ eingestellt</translation>
    </message>
    <message>
        <source>Open the bundled sample photo and its depth map</source>
        <translation>Das mitgelieferte Beispielfoto und seine Tiefenkarte öffnen</translation>
    </message>
</context>
<context>
    <name>sds::ui::Generation</name>
    <message>
        <source>Open a photo first: photo to stereo works on it.</source>
        <translation>Öffnen Sie zuerst ein Foto: Aus ihm wird das Stereopaar erzeugt.</translation>
    </message>
    <message>
        <source>The source has no depth map; open or estimate one, or turn off &quot;Use the source&apos;s depth map&quot;.</source>
        <translation>Die Quelle hat keine Tiefenkarte; öffnen oder schätzen Sie eine, oder schalten Sie „Tiefenkarte der Quelle verwenden“ aus.</translation>
    </message>
</context>
<context>
    <name>sds::ui::GenerationDock</name>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
    <message>
        <source>Done: the right view was made again; the new pair is in the history.</source>
        <translation>Fertig: Die rechte Ansicht wurde neu erzeugt; das neue Paar steht im Verlauf.</translation>
    </message>
    <message>
        <source>Done: the pair is in the history.</source>
        <translation>Fertig: Das Paar steht im Verlauf.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Cancel Generation</source>
        <translation>Generierung abbrechen</translation>
    </message>
    <message>
        <source>Start a generation with the Generate panel&apos;s settings (Ctrl+Enter)</source>
        <translation>Eine Generierung mit den Einstellungen des Generieren-Bereichs starten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop the running generation; what is finished stays (Escape)</source>
        <translation>Die laufende Generierung anhalten; Fertiges bleibt erhalten (Esc)</translation>
    </message>
    <message>
        <source>Generation cancelled; nothing was added to the history. The models and the finished left view are kept: Generate again with the same prompt starts at the right view.</source>
        <translation>Generierung abgebrochen; dem Verlauf wurde nichts hinzugefügt. Die Modelle und die fertige linke Ansicht bleiben erhalten: Erneutes Generieren mit demselben Prompt beginnt bei der rechten Ansicht.</translation>
    </message>
    <message>
        <source>Generation cancelled; nothing was added to the history. The loaded models are kept.</source>
        <translation>Generierung abgebrochen; dem Verlauf wurde nichts hinzugefügt. Die geladenen Modelle bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>sds::ui::GenerationFeedback</name>
    <message>
        <source>The stage the run is in and its denoising step</source>
        <translation>Die aktuelle Phase des Laufs und ihr Entrauschungsschritt</translation>
    </message>
    <message>
        <source>Time since Generate, and the time left estimated from the measured step times</source>
        <translation>Zeit seit „Generieren“ und die aus den gemessenen Schrittzeiten geschätzte Restzeit</translation>
    </message>
    <message>
        <source>The picture so far, every few steps: a quick colour estimate from the latent, not the final decode (blurry and low-resolution by design)</source>
        <translation>Das bisherige Bild, alle paar Schritte: eine schnelle Farbschätzung aus dem Latent, nicht die endgültige Dekodierung (absichtlich unscharf und niedrig aufgelöst)</translation>
    </message>
    <message>
        <source>Seconds each denoising step took, as the run goes</source>
        <translation>Sekunden pro Entrauschungsschritt, während der Lauf fortschreitet</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>s per step</source>
        <translation>s pro Schritt</translation>
    </message>
    <message>
        <source>The picture appears after the first step.</source>
        <translation>Das Bild erscheint nach dem ersten Schritt.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1: step %2 of %3</source>
        <translation>%1: Schritt %2 von %3</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>Elapsed %1, about %2 left</source>
        <translation>Vergangen %1, noch etwa %2</translation>
    </message>
    <message>
        <source>Elapsed %1, estimating the time left…</source>
        <translation>Vergangen %1, Restzeit wird geschätzt…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>sds::ui::GenerationJob</name>
    <message>
        <source>Generating</source>
        <translation>Generierung</translation>
    </message>
</context>
<context>
    <name>sds::ui::GenerationPanel</name>
    <message>
        <source>Choose a Stable Diffusion Model</source>
        <translation>Stable-Diffusion-Modell wählen</translation>
    </message>
    <message>
        <source>Use the source&apos;s depth map</source>
        <translation>Tiefenkarte der Quelle verwenden</translation>
    </message>
    <message>
        <source>Fill disocclusions with fresh noise</source>
        <translation>Freigelegte Bereiche mit frischem Rauschen füllen</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Make a stereo pair with these settings; it is added to the history</source>
        <translation>Mit diesen Einstellungen ein Stereopaar erzeugen; es wird dem Verlauf hinzugefügt</translation>
    </message>
    <message>
        <source>Stop the running generation</source>
        <translation>Die laufende Generierung anhalten</translation>
    </message>
    <message numerus="yes">
        <source>%n CUDA device(s) found</source>
        <translation>
            <numerusform>%n CUDA-Gerät gefunden</numerusform>
            <numerusform>%n CUDA-Geräte gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>CUDA GPU: not available</source>
        <translation>CUDA-GPU: nicht verfügbar</translation>
    </message>
    <message>
        <source>Where the models run</source>
        <translation>Wo die Modelle laufen</translation>
    </message>
    <message>
        <source>Where the models run. CUDA: %1</source>
        <translation>Wo die Modelle laufen. CUDA: %1</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>A diffusers folder (choose its model_index.json) or a single .safetensors file</source>
        <translation>Ein Diffusers-Ordner (dessen model_index.json wählen) oder eine einzelne .safetensors-Datei</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Stable Diffusion</source>
        <translation>Stable Diffusion</translation>
    </message>
    <message>
        <source>Depth model</source>
        <translation>Tiefenmodell</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>From a prompt</source>
        <translation>Aus einem Prompt</translation>
    </message>
    <message>
        <source>From the open photo</source>
        <translation>Aus dem geöffneten Foto</translation>
    </message>
    <message>
        <source>From a prompt: Stable Diffusion draws the left view, then the right view beside it. From the open photo: the photo is the left view and only the right view is made.</source>
        <translation>Aus einem Prompt: Stable Diffusion malt die linke Ansicht und dann die rechte dazu. Aus dem geöffneten Foto: Das Foto ist die linke Ansicht, nur die rechte wird erzeugt.</translation>
    </message>
    <message>
        <source>Describe the picture. For a photo, describing what it shows helps the inversion keep it faithful.</source>
        <translation>Beschreiben Sie das Bild. Bei einem Foto hilft eine Beschreibung des Inhalts der Inversion, es getreu zu erhalten.</translation>
    </message>
    <message>
        <source>What to draw (or what the photo shows)</source>
        <translation>Was gemalt werden soll (oder was das Foto zeigt)</translation>
    </message>
    <message>
        <source>What to avoid</source>
        <translation>Was vermieden werden soll</translation>
    </message>
    <message>
        <source>Things Stable Diffusion should keep out of the picture (prompt mode only)</source>
        <translation>Was Stable Diffusion aus dem Bild heraushalten soll (nur bei Prompt)</translation>
    </message>
    <message>
        <source>Take the depth from the source&apos;s active depth map (your file, or the estimate when you chose it) instead of running the depth model</source>
        <translation>Die Tiefe aus der aktiven Tiefenkarte der Quelle nehmen (Ihre Datei oder die Schätzung, falls gewählt), statt das Tiefenmodell laufen zu lassen</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ-Prompt</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Pick a new random seed</source>
        <translation>Einen neuen zufälligen Seed wählen</translation>
    </message>
    <message>
        <source>Denoising steps: more gives finer detail and takes longer (25 to 50 is usual)</source>
        <translation>Entrauschungsschritte: mehr ergibt feinere Details und dauert länger (üblich sind 25 bis 50)</translation>
    </message>
    <message>
        <source>How strictly the picture follows the prompt: higher is more literal, lower more varied (7.5 is usual)</source>
        <translation>Wie genau das Bild dem Prompt folgt: höher ist wörtlicher, niedriger abwechslungsreicher (üblich ist 7,5)</translation>
    </message>
    <message>
        <source>The same seed and settings give the same pair again</source>
        <translation>Gleicher Seed und gleiche Einstellungen ergeben wieder dasselbe Paar</translation>
    </message>
    <message>
        <source>Width of the generated pair in pixels (prompt mode; a multiple of 8)</source>
        <translation>Breite des erzeugten Paars in Pixeln (nur bei Prompt; ein Vielfaches von 8)</translation>
    </message>
    <message>
        <source>Height of the generated pair in pixels (prompt mode; a multiple of 8)</source>
        <translation>Höhe des erzeugten Paars in Pixeln (nur bei Prompt; ein Vielfaches von 8)</translation>
    </message>
    <message>
        <source>How the photo is turned into Stable Diffusion&apos;s noise. Null-text keeps the left view close to the photo but takes much longer; fast may change colours and detail.</source>
        <translation>Wie das Foto in das Rauschen von Stable Diffusion überführt wird. Null-Text hält die linke Ansicht nah am Foto, dauert aber viel länger; schnell kann Farben und Details verändern.</translation>
    </message>
    <message>
        <source>Null-text (faithful, slow)</source>
        <translation>Null-Text (getreu, langsam)</translation>
    </message>
    <message>
        <source>Fast (DDIM inversion only)</source>
        <translation>Schnell (nur DDIM-Inversion)</translation>
    </message>
    <message>
        <source>Long side Stable Diffusion works at; the result keeps the photo&apos;s size</source>
        <translation>Länge der langen Seite, mit der Stable Diffusion arbeitet; das Ergebnis behält die Größe des Fotos</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Inversion</source>
        <translation>Inversion</translation>
    </message>
    <message>
        <source>Working size</source>
        <translation>Arbeitsgröße</translation>
    </message>
    <message>
        <source>Largest shift of the right view&apos;s latents, in percent of the image width (8 px steps). On a shown prompt pair, a change re-runs its right view.</source>
        <translation>Größte Verschiebung der Latents der rechten Ansicht, in Prozent der Bildbreite (in 8-px-Schritten). Bei einem angezeigten Prompt-Paar erzeugt eine Änderung dessen rechte Ansicht neu.</translation>
    </message>
    <message>
        <source>Automatic (20 %)</source>
        <translation>Automatisch (20 %)</translation>
    </message>
    <message>
        <source>The denoising step at which the right view is shifted off the left</source>
        <translation>Der Entrauschungsschritt, bei dem die rechte Ansicht gegenüber der linken verschoben wird</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Re-apply the shift to the filled areas every N steps</source>
        <translation>Die Verschiebung alle N Schritte erneut auf die gefüllten Bereiche anwenden</translation>
    </message>
    <message>
        <source>One-way (right reads left)</source>
        <translation>Einseitig (rechts liest links)</translation>
    </message>
    <message>
        <source>Two-way</source>
        <translation>Beidseitig</translation>
    </message>
    <message>
        <source>How the two views share attention while denoising. One-way: the right view copies detail from the left, so both views match best. Two-way: each view reads the other, which can change the left view too.</source>
        <translation>Wie die beiden Ansichten beim Entrauschen die Attention teilen. Einseitig: Die rechte Ansicht übernimmt Details von der linken, so passen beide am besten zusammen. Beidseitig: Jede Ansicht liest die andere, dadurch kann sich auch die linke ändern.</translation>
    </message>
    <message>
        <source>Areas the right view sees behind foreground edges start from fresh noise, so Stable Diffusion paints new detail there instead of smearing the edge; off keeps the shifted latents (softer, sometimes streaky gaps).</source>
        <translation>Bereiche, die die rechte Ansicht hinter Vordergrundkanten sieht, beginnen mit frischem Rauschen, sodass Stable Diffusion dort neue Details malt, statt die Kante zu verschmieren; aus behält die verschobenen Latents (weichere, manchmal streifige Lücken).</translation>
    </message>
    <message>
        <source>Right view (AI)</source>
        <translation>Rechte Ansicht (KI)</translation>
    </message>
    <message>
        <source>How Stable Diffusion makes the right view. With a prompt pair shown, changing only these re-runs its right view (the left view is kept).</source>
        <translation>Wie Stable Diffusion die rechte Ansicht erzeugt. Ist ein Prompt-Paar angezeigt, erzeugt eine Änderung nur dieser Werte dessen rechte Ansicht neu (die linke bleibt).</translation>
    </message>
    <message>
        <source>AI disparity</source>
        <translation>KI-Disparität</translation>
    </message>
    <message>
        <source>Shift step</source>
        <translation>Verschiebeschritt</translation>
    </message>
    <message>
        <source>Mask interval</source>
        <translation>Maskenintervall</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>The number format the networks compute in. Auto: bfloat16 on a CPU that computes it natively (about twice as fast as float32, nearly the same picture), float16 on CUDA, float32 otherwise. The text encoder and the sampler always use float32, and under bfloat16 so do the image decoder and the depth model.</source>
        <translation>Das Zahlenformat, in dem die Netze rechnen. Automatisch: bfloat16 auf einer CPU, die es nativ berechnet (etwa doppelt so schnell wie float32, fast dasselbe Bild), float16 mit CUDA, sonst float32. Textencoder und Sampler rechnen immer in float32, unter bfloat16 auch der Bilddecoder und das Tiefenmodell.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Runs in %1.</source>
        <translation>Rechnet in %1.</translation>
    </message>
    <message>
        <source>Runs in %1 (auto: the usual choice on CUDA).</source>
        <translation>Rechnet in %1 (automatisch: die übliche Wahl mit CUDA).</translation>
    </message>
    <message>
        <source>Runs in %1 (auto: this CPU computes bfloat16 natively, %2).</source>
        <translation>Rechnet in %1 (automatisch: diese CPU berechnet bfloat16 nativ, %2).</translation>
    </message>
    <message>
        <source>Runs in %1 (auto: this CPU has no native bfloat16).</source>
        <translation>Rechnet in %1 (automatisch: diese CPU hat kein natives bfloat16).</translation>
    </message>
    <message>
        <source>Runs in %1, emulated: this CPU has no native bfloat16, so it is slower than float32.</source>
        <translation>Rechnet in %1, emuliert: diese CPU hat kein natives bfloat16 und ist damit langsamer als mit float32.</translation>
    </message>
    <message>
        <source>Not available on this device: choose bfloat16 or float32 on the CPU.</source>
        <translation>Auf diesem Gerät nicht verfügbar: auf der CPU bfloat16 oder float32 wählen.</translation>
    </message>
    <message>
        <source>Native</source>
        <translation>Nativ</translation>
    </message>
    <message>
        <source>Use the detected model&apos;s native size (1024 px for SDXL, 512 px for SD 1.x and 2.x), and follow the model when another one is chosen. A size you type is kept.</source>
        <translation>Die native Größe des erkannten Modells verwenden (1024 px für SDXL, 512 px für SD 1.x und 2.x) und dem Modell folgen, wenn ein anderes gewählt wird. Eine eingegebene Größe bleibt erhalten.</translation>
    </message>
    <message>
        <source>Reading the model…</source>
        <translation>Modell wird gelesen…</translation>
    </message>
    <message>
        <source>Size: its native %1 × %2 px.</source>
        <translation>Größe: seine native Größe %1 × %2 px.</translation>
    </message>
    <message>
        <source>Size: %1 × %2 px as you set it (Native uses %3 px).</source>
        <translation>Größe: %1 × %2 px, wie von Ihnen eingestellt (Nativ verwendet %3 px).</translation>
    </message>
    <message>
        <source>Keep the left view&apos;s pixels where the right eye sees them</source>
        <translation>Pixel der linken Ansicht behalten, wo das rechte Auge sie sieht</translation>
    </message>
    <message>
        <source>Prompt pairs: the right view is the left view&apos;s own pixels, moved by the depth with clean edges, wherever the right eye sees them; Stable Diffusion&apos;s right view fills only what the left view could not see. Both views then match exactly. Photo pairs are always made this way.</source>
        <translation>Paare aus einem Prompt: Die rechte Ansicht besteht aus den Pixeln der linken Ansicht, nach der Tiefe verschoben und mit sauberen Kanten, überall dort, wo das rechte Auge sie sieht; die rechte Ansicht von Stable Diffusion füllt nur, was die linke Ansicht nicht sehen konnte. Beide Ansichten stimmen dann genau überein. Paare aus Fotos entstehen immer so.</translation>
    </message>
</context>
<context>
    <name>sds::ui::HelpActions</name>
    <message>
        <source>User Guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide was not found; an installed studio has it in share/sdstereo/guide/user-guide.md.</source>
        <translation>Das Benutzerhandbuch wurde nicht gefunden; ein installiertes Studio hat es unter share/sdstereo/guide/user-guide.md.</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Step by step from a photo to an exported stereo pair</source>
        <translation>Schritt für Schritt von einem Foto zu einem exportierten Stereopaar</translation>
    </message>
    <message>
        <source>&amp;About StereoDiffusion Studio</source>
        <translation>&amp;Über StereoDiffusion Studio</translation>
    </message>
</context>
<context>
    <name>sds::ui::HistoryCommands</name>
    <message>
        <source>New pair</source>
        <translation>Neues Paar</translation>
    </message>
    <message>
        <source>Remove pair</source>
        <translation>Paar entfernen</translation>
    </message>
    <message>
        <source>Change stereo settings</source>
        <translation>Stereoeinstellungen ändern</translation>
    </message>
</context>
<context>
    <name>sds::ui::HistoryStrip</name>
    <message>
        <source>Show the Source</source>
        <translation>Quelle anzeigen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Show the photo and its depth map again (the live render)</source>
        <translation>Foto und Tiefenkarte wieder anzeigen (die Live-Berechnung)</translation>
    </message>
    <message>
        <source>Export the selected pair to a file</source>
        <translation>Das ausgewählte Paar in eine Datei exportieren</translation>
    </message>
    <message>
        <source>The pairs made in this session; click one to show it</source>
        <translation>Die in dieser Sitzung erzeugten Paare; zum Anzeigen eines anklicken</translation>
    </message>
    <message>
        <source>Remove the selected pair from the history (Edit &gt; Undo brings it back)</source>
        <translation>Das ausgewählte Paar aus dem Verlauf entfernen (Bearbeiten &gt; Rückgängig holt es zurück)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>%1
Made at %2, %3 × %4</source>
        <translation>%1
Erzeugt um %2, %3 × %4</translation>
    </message>
</context>
<context>
    <name>sds::ui::Job</name>
    <message>
        <source>%1 failed unexpectedly: %2</source>
        <translation>%1 unerwartet fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>sds::ui::JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this job; nothing is written</source>
        <translation>Diesen Vorgang anhalten; es wird nichts geschrieben</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>sds::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Follow the system&apos;s language (%1)</source>
        <translation>Der Sprache des Systems folgen (%1)</translation>
    </message>
    <message>
        <source>The language changes when the studio is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start des Studios.</translation>
    </message>
</context>
<context>
    <name>sds::ui::Languages</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>sds::ui::LoadJob</name>
    <message>
        <source>Opening files</source>
        <translation>Öffnen der Dateien</translation>
    </message>
</context>
<context>
    <name>sds::ui::MainWindow</name>
    <message>
        <source>Disparity histogram</source>
        <translation>Disparitäts-Histogramm</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Open a photo and its depth map to begin.</source>
        <translation>Öffnen Sie zum Beginnen ein Foto und seine Tiefenkarte.</translation>
    </message>
    <message>
        <source>Preview %1 × %2, rendered in %3 ms</source>
        <translation>Vorschau %1 × %2, berechnet in %3 ms</translation>
    </message>
    <message>
        <source>StereoDiffusion Studio</source>
        <translation>StereoDiffusion Studio</translation>
    </message>
    <message>
        <source>%1 — StereoDiffusion Studio</source>
        <translation>%1 — StereoDiffusion Studio</translation>
    </message>
    <message>
        <source>Stereo render (photo + depth)</source>
        <translation>Stereo-Berechnung (Foto + Tiefe)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Depth</source>
        <translation>&amp;Tiefe</translation>
    </message>
    <message>
        <source>&amp;Generate (AI)</source>
        <translation>&amp;Generieren (KI)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Depth map of another shape</source>
        <translation>Tiefenkarte mit anderem Seitenverhältnis</translation>
    </message>
    <message>
        <source>The depth map is %1 × %2 but the photo is %3 × %4: their shapes differ, so it cannot be laid over the photo as it is.

Fit: stretch it to the photo (distorts it).
Crop: use its centre at the photo&apos;s shape.
Cancel: do not use this depth map.</source>
        <translation>Die Tiefenkarte ist %1 × %2, das Foto aber %3 × %4: Die Seitenverhältnisse unterscheiden sich, daher kann sie nicht unverändert über das Foto gelegt werden.

Anpassen: auf das Foto strecken (verzerrt sie).
Zuschneiden: ihre Mitte im Seitenverhältnis des Fotos verwenden.
Abbrechen: diese Tiefenkarte nicht verwenden.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Zuschneiden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Quit without exporting?</source>
        <translation>Ohne Export beenden?</translation>
    </message>
    <message numerus="yes">
        <source>%n generated pair(s) of this session were not exported and will be lost.</source>
        <translation>
            <numerusform>%n in dieser Sitzung erzeugtes Paar wurde nicht exportiert und geht verloren.</numerusform>
            <numerusform>%n in dieser Sitzung erzeugte Paare wurden nicht exportiert und gehen verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Without Exporting</source>
        <translation>Ohne Export beenden</translation>
    </message>
    <message>
        <source>Preview with the fast fill; the inpainting model is filling the holes…</source>
        <translation>Vorschau mit der schnellen Füllung; das Inpainting-Modell füllt die Lücken…</translation>
    </message>
    <message>
        <source>Preview %1 × %2, inpainted in %3 ms</source>
        <translation>Vorschau %1 × %2, mit Inpainting berechnet in %3 ms</translation>
    </message>
    <message>
        <source>Inpainting cancelled: the preview keeps the fast fill</source>
        <translation>Inpainting abgebrochen: die Vorschau behält die schnelle Füllung</translation>
    </message>
</context>
<context>
    <name>sds::ui::ModelPathField</name>
    <message>
        <source>Choose a .safetensors file, or %1 inside a model folder</source>
        <translation>Eine .safetensors-Datei wählen oder %1 in einem Modellordner</translation>
    </message>
    <message>
        <source>Models (*.safetensors %1);;All files (*)</source>
        <translation>Modelle (*.safetensors %1);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>sds::ui::PairResult</name>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source> · shift %1 %</source>
        <translation> · Verschiebung %1 %</translation>
    </message>
    <message>
        <source> · step auto</source>
        <translation> · Schritt automatisch</translation>
    </message>
    <message>
        <source> · step %1</source>
        <translation> · Schritt %1</translation>
    </message>
    <message numerus="yes">
        <source> · seed %1 · %n step(s)</source>
        <translation>
            <numerusform> · Seed %1 · %n Schritt</numerusform>
            <numerusform> · Seed %1 · %n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source> · composed</source>
        <translation> · zusammengesetzt</translation>
    </message>
</context>
<context>
    <name>sds::ui::PreviewTabs</name>
    <message>
        <source>Open a photo and its depth map (File menu), or drop them here.</source>
        <translation>Öffnen Sie ein Foto und seine Tiefenkarte (Menü „Datei“) oder ziehen Sie sie hierher.</translation>
    </message>
    <message>
        <source>No depth map yet.</source>
        <translation>Noch keine Tiefenkarte.</translation>
    </message>
    <message>
        <source>The stereo pair appears here once a photo and a depth map are open.</source>
        <translation>Das Stereopaar erscheint hier, sobald ein Foto und eine Tiefenkarte geöffnet sind.</translation>
    </message>
    <message>
        <source>The anaglyph appears here once a photo and a depth map are open.</source>
        <translation>Die Anaglyphe erscheint hier, sobald ein Foto und eine Tiefenkarte geöffnet sind.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Depth map</source>
        <translation>Tiefenkarte</translation>
    </message>
    <message>
        <source>Viewing</source>
        <translation>Betrachtung</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Anaglyph</source>
        <translation>Anaglyphe</translation>
    </message>
    <message>
        <source>No photo yet.</source>
        <translation>Noch kein Foto.</translation>
    </message>
    <message>
        <source>Swap eyes</source>
        <translation>Augen tauschen</translation>
    </message>
    <message>
        <source>The two views take turns here once a photo and a depth map are open.</source>
        <translation>Die beiden Ansichten wechseln sich hier ab, sobald ein Foto und eine Tiefenkarte geöffnet sind.</translation>
    </message>
    <message>
        <source>Show the right view to the left eye and the other way round, in every stereo preview: if the depth looks inside out, the views were swapped. Exports are not affected.</source>
        <translation>In jeder Stereovorschau die rechte Ansicht dem linken Auge zeigen und umgekehrt: Wirkt die Tiefe umgestülpt, waren die Ansichten vertauscht. Exporte bleiben unberührt.</translation>
    </message>
    <message>
        <source>Parallel: the left view on the left, for VR headsets, 3D TVs and parallel free viewing. Cross-eyed: the views exchanged, for cross-eyed free viewing.</source>
        <translation>Parallelblick: die linke Ansicht links, für VR-Brillen, 3D-Fernseher und freies Betrachten im Parallelblick. Kreuzblick: die Ansichten vertauscht, für freies Betrachten im Kreuzblick.</translation>
    </message>
    <message>
        <source>Red/cyan glasses (red filter on the left eye). Dubois gives the least ghosting and good colour; grey has no colour clash at all.</source>
        <translation>Rot-Cyan-Brille (roter Filter vor dem linken Auge). Dubois zeigt die wenigsten Geisterbilder bei guten Farben; grau hat keinerlei Farbkonflikte.</translation>
    </message>
    <message>
        <source>Glasses (red/cyan)</source>
        <translation>Brille (rot/cyan)</translation>
    </message>
    <message>
        <source>Wiggle</source>
        <translation>Wiggle</translation>
    </message>
    <message>
        <source>Photo | Depth</source>
        <translation>Foto | Tiefe</translation>
    </message>
    <message>
        <source>The left and right views in turn: judge the depth without glasses.</source>
        <translation>Linke und rechte Ansicht im Wechsel: die Tiefe ohne Brille beurteilen.</translation>
    </message>
    <message>
        <source>The photo and its depth map side by side, zoomed and panned together.</source>
        <translation>Foto und Tiefenkarte nebeneinander, gemeinsam gezoomt und verschoben.</translation>
    </message>
    <message>
        <source>Red/cyan, Dubois: least ghosting, natural colours; the best all-round choice</source>
        <translation>Rot/Cyan, Dubois: die wenigsten Geisterbilder, natürliche Farben; die beste Wahl für alles</translation>
    </message>
    <message>
        <source>Red/cyan, half colour: less retinal rivalry than full colour, some colour</source>
        <translation>Rot/Cyan, halbfarbig: weniger Netzhautrivalität als vollfarbig, etwas Farbe</translation>
    </message>
    <message>
        <source>Red/cyan, full colour: brightest colours, but red objects flicker</source>
        <translation>Rot/Cyan, vollfarbig: kräftigste Farben, aber rote Gegenstände flimmern</translation>
    </message>
    <message>
        <source>Red/cyan, grey: no colour at all, no colour clash</source>
        <translation>Rot/Cyan, grau: ganz ohne Farbe, keine Farbkonflikte</translation>
    </message>
    <message>
        <source>Red/cyan, true: dark, but hardly any ghosting on cheap glasses</source>
        <translation>Rot/Cyan, echt: dunkel, aber kaum Geisterbilder mit einfachen Brillen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in (also the mouse wheel or a pinch, at the pointer)</source>
        <translation>Vergrößern (auch mit dem Mausrad oder einer Zweifingergeste, am Mauszeiger)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Show the whole picture</source>
        <translation>Das ganze Bild zeigen</translation>
    </message>
    <message>
        <source>&amp;Actual Pixels</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>One picture pixel per screen pixel (double-click a picture for the same at that point)</source>
        <translation>Ein Bildpixel pro Bildschirmpixel (Doppelklick auf ein Bild tut dies an dieser Stelle)</translation>
    </message>
    <message>
        <source>Left view</source>
        <translation>Linke Ansicht</translation>
    </message>
    <message>
        <source>Disparity</source>
        <translation>Disparität</translation>
    </message>
    <message>
        <source>Left | Disparity</source>
        <translation>Links | Disparität</translation>
    </message>
</context>
<context>
    <name>sds::ui::RenderControls</name>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Which depth lands on the screen plane: 0 = the farthest, 1 = the nearest</source>
        <translation>Welche Tiefe in der Bildschirmebene liegt: 0 = die fernste, 1 = die nächste</translation>
    </message>
    <message>
        <source>Shapes the depth: above 1 pushes detail towards the viewer, below 1 away</source>
        <translation>Formt die Tiefe: über 1 rücken Details zum Betrachter hin, unter 1 von ihm weg</translation>
    </message>
    <message>
        <source>How areas that the right view sees but the photo does not are filled</source>
        <translation>Wie Bereiche gefüllt werden, die die rechte Ansicht sieht, das Foto aber nicht</translation>
    </message>
    <message>
        <source>Depth map</source>
        <translation>Tiefenkarte</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Konvergenz</translation>
    </message>
    <message>
        <source>Exponent</source>
        <translation>Exponent</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllen</translation>
    </message>
    <message>
        <source>Render disparity</source>
        <translation>Disparität</translation>
    </message>
    <message>
        <source>The depth map is a disparity in pixels: it already says how far things shift</source>
        <translation>Die Tiefenkarte ist eine Disparität in Pixeln: Sie gibt schon an, wie weit sich alles verschiebt</translation>
    </message>
    <message>
        <source>How the depth map&apos;s values read</source>
        <translation>Wie die Werte der Tiefenkarte zu lesen sind</translation>
    </message>
    <message>
        <source>Largest disparity of the rendered right view, in percent of the image width</source>
        <translation>Größte Disparität der berechneten rechten Ansicht, in Prozent der Bildbreite</translation>
    </message>
    <message>
        <source>Render the right view from the left, or both views half way</source>
        <translation>Die rechte Ansicht aus der linken berechnen oder beide Ansichten je zur Hälfte</translation>
    </message>
    <message>
        <source>Back to the default render settings</source>
        <translation>Zurück zu den Standard-Einstellungen</translation>
    </message>
    <message>
        <source>Inpainting model</source>
        <translation>Inpainting-Modell</translation>
    </message>
    <message>
        <source>Choose an inpainting model</source>
        <translation>Inpainting-Modell wählen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stable Diffusion inpainting checkpoint</source>
        <translation>Stable-Diffusion-Inpainting-Checkpoint</translation>
    </message>
    <message>
        <source>Inpainting %p%</source>
        <translation>Inpainting %p%</translation>
    </message>
    <message>
        <source>Stop the inpainting model; the preview keeps the fast fill</source>
        <translation>Das Inpainting-Modell anhalten; die Vorschau behält die schnelle Füllung</translation>
    </message>
    <message>
        <source>A Stable Diffusion inpainting checkpoint (folder or .safetensors). The preview shows the fast fill first, then the model&apos;s; the export uses the model at full resolution</source>
        <translation>Ein Stable-Diffusion-Inpainting-Checkpoint (Ordner oder .safetensors). Die Vorschau zeigt zuerst die schnelle Füllung, dann die des Modells; der Export nutzt das Modell in voller Auflösung</translation>
    </message>
</context>
<context>
    <name>sds::ui::RenderWorker</name>
    <message>
        <source>Rendering failed: %1</source>
        <translation>Berechnung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>sds::ui::SdModelDetector</name>
    <message>
        <source>Not a usable Stable Diffusion model: %1</source>
        <translation>Kein verwendbares Stable-Diffusion-Modell: %1</translation>
    </message>
    <message>
        <source>An SDXL refiner: not supported; choose an SDXL base model.</source>
        <translation>Ein SDXL-Refiner: nicht unterstützt; wählen Sie ein SDXL-Basismodell.</translation>
    </message>
    <message>
        <source>An SDXL inpainting checkpoint: not supported; choose an SDXL base model.</source>
        <translation>Ein SDXL-Inpainting-Checkpoint: nicht unterstützt; wählen Sie ein SDXL-Basismodell.</translation>
    </message>
    <message>
        <source>single file</source>
        <translation>einzelne Datei</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>Diffusers-Ordner</translation>
    </message>
    <message>
        <source>%1 · %2 · text-to-image · native %3 px</source>
        <translation>%1 · %2 · Text-zu-Bild · nativ %3 px</translation>
    </message>
    <message>
        <source>An inpainting checkpoint (%1): choose it as the Fill&apos;s inpainting model, not to generate.</source>
        <translation>Ein Inpainting-Checkpoint (%1): als Inpainting-Modell beim Füllen wählen, nicht zum Generieren.</translation>
    </message>
</context>
<context>
    <name>sds::ui::ShownView</name>
    <message>
        <source>A generated pair is shown: Stable Diffusion made its right view, so these render settings do not apply. Change it with the Generate dock&apos;s &quot;Right view (AI)&quot; fields, or show the source.</source>
        <translation>Ein erzeugtes Paar wird angezeigt: Seine rechte Ansicht stammt von Stable Diffusion, daher gelten diese Einstellungen nicht. Ändern Sie es über „Rechte Ansicht (KI)“ im Bereich „Generieren“ oder zeigen Sie die Quelle an.</translation>
    </message>
    <message>
        <source>Shown: generated pair (%1)</source>
        <translation>Angezeigt: erzeugtes Paar (%1)</translation>
    </message>
    <message>
        <source>Open a photo and a depth map (or estimate one) to render.</source>
        <translation>Öffnen Sie zum Berechnen ein Foto und eine Tiefenkarte (oder schätzen Sie eine).</translation>
    </message>
    <message>
        <source>An estimated depth map is always relative inverse depth (near is bright).</source>
        <translation>Eine geschätzte Tiefenkarte ist immer relative inverse Tiefe (nah ist hell).</translation>
    </message>
    <message>
        <source>Source: a depth map without a photo; open the photo.</source>
        <translation>Quelle: eine Tiefenkarte ohne Foto; öffnen Sie das Foto.</translation>
    </message>
    <message>
        <source>Source: none; open a photo.</source>
        <translation>Quelle: keine; öffnen Sie ein Foto.</translation>
    </message>
    <message>
        <source>Source: %1 · depth: your file %2 (%3)</source>
        <translation>Quelle: %1 · Tiefe: Ihre Datei %2 (%3)</translation>
    </message>
    <message>
        <source>Source: %1 · depth: estimated by %2 (near is bright)</source>
        <translation>Quelle: %1 · Tiefe: geschätzt von %2 (nah ist hell)</translation>
    </message>
    <message>
        <source>Source: %1 · no depth map: open one or estimate it (Depth menu).</source>
        <translation>Quelle: %1 · keine Tiefenkarte: öffnen oder schätzen Sie eine (Menü „Tiefe“).</translation>
    </message>
</context>
<context>
    <name>sds::ui::StageNames</name>
    <message>
        <source>Loading Stable Diffusion</source>
        <translation>Stable Diffusion wird geladen</translation>
    </message>
    <message>
        <source>Loading the depth model</source>
        <translation>Tiefenmodell wird geladen</translation>
    </message>
    <message>
        <source>Loading the inpainting model</source>
        <translation>Inpainting-Modell wird geladen</translation>
    </message>
    <message>
        <source>Estimating depth</source>
        <translation>Tiefenschätzung</translation>
    </message>
    <message>
        <source>Inverting the photo</source>
        <translation>Foto wird invertiert</translation>
    </message>
    <message>
        <source>Null-text optimisation</source>
        <translation>Null-Text-Optimierung</translation>
    </message>
    <message>
        <source>Denoising</source>
        <translation>Entrauschen</translation>
    </message>
    <message>
        <source>Left view</source>
        <translation>Linke Ansicht</translation>
    </message>
    <message>
        <source>Right view</source>
        <translation>Rechte Ansicht</translation>
    </message>
    <message>
        <source>Inpainting</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation>Dekodieren</translation>
    </message>
    <message>
        <source>Composing the pair</source>
        <translation>Paar wird zusammengesetzt</translation>
    </message>
</context>
<context>
    <name>sds::ui::UserGuideDialog</name>
    <message>
        <source>StereoDiffusion Studio User Guide</source>
        <translation>Benutzerhandbuch von StereoDiffusion Studio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>sds::ui::WiggleView</name>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long each eye&apos;s view stays on screen. 100 to 200 ms shows depth best; slower makes it easier to compare the two views.</source>
        <translation>Wie lange die Ansicht jedes Auges zu sehen ist. 100 bis 200 ms zeigen die Tiefe am besten; langsamer erleichtert den Vergleich der beiden Ansichten.</translation>
    </message>
    <message>
        <source>Each view</source>
        <translation>Jede Ansicht</translation>
    </message>
</context>
</TS>
