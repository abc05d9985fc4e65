<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Stereo (3D) pairs from a photo and a depth map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its depth map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window to FILE once the preview is shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::DisparityPlot</name>
    <message>
        <source>Disparity (pixels, full resolution)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::DisplayNames</name>
    <message>
        <source>Inverse depth (near is bright)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth (near is dark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disparity in pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inpaint (Telea)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo is the left view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo is the centre view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side, parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side, cross-eyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over-under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half over-under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anaglyph, true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anaglyph, grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anaglyph, colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anaglyph, half colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anaglyph, Dubois</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportController</name>
    <message>
        <source>Open a photo and a depth map before exporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is already running; wait for it or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes two files, with -left and -right added to the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disparity the render applied, near is bright; the value range is stored in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered at the photo&apos;s full resolution; the parameters are stored with the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPO stereo images (*.mpo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportFormats</name>
    <message>
        <source>Left and right, two files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPO (3D cameras, Nintendo 3DS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disparity map, 16-bit PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportJob</name>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering at full resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::FileActions</name>
    <message>
        <source>Open &amp;Photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Depth Map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Depth Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::Job</name>
    <message>
        <source>%1 failed unexpectedly: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this job; nothing is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::LoadJob</name>
    <message>
        <source>Opening files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::MainWindow</name>
    <message>
        <source>Stereo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disparity histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About StereoDiffusion Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a photo and its depth map to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now open the photo&apos;s depth map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now open the photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview %1 × %2, rendered in %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StereoDiffusion Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — StereoDiffusion Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About StereoDiffusion Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;StereoDiffusion Studio&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Stereo (3D) image pairs from a photo and its depth map, and with Stable Diffusion by the StereoDiffusion method.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::PreviewTabs</name>
    <message>
        <source>Open a photo and its depth map (File menu), or drop them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No depth map yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stereo pair appears here once a photo and a depth map are open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The anaglyph appears here once a photo and a depth map are open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glasses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anaglyph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::RenderControls</name>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest disparity, in percent of the image width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which depth lands on the screen plane: 0 = the farthest, 1 = the nearest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shapes the depth: above 1 pushes detail towards the viewer, below 1 away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How areas that the right view sees but the photo does not are filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disparity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sds::ui::RenderWorker</name>
    <message>
        <source>Rendering failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
