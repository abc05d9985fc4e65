<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>main</name>
    <message>
        <source>Stereo (3D) pairs from a photo and a depth map.</source>
        <translation>Paires stéréo (3D) à partir d’une photo et d’une carte de profondeur.</translation>
    </message>
    <message>
        <source>The photo to open.</source>
        <translation>La photo à ouvrir.</translation>
    </message>
    <message>
        <source>Its depth map.</source>
        <translation>Sa carte de profondeur.</translation>
    </message>
    <message>
        <source>Save the window to FILE once the preview is shown, then quit.</source>
        <translation>Enregistrer la fenêtre dans FILE dès que l’aperçu est affiché, puis quitter.</translation>
    </message>
    <message>
        <source>Test hook: reach state NAME, grab the screen into the --screenshot FILE, quit.</source>
        <translation>Aide aux tests&#xa0;: atteindre l’état NAME, capturer l’écran dans le fichier --screenshot FILE, quitter.</translation>
    </message>
    <message>
        <source>Scenario input.</source>
        <translation>Entrée du scénario.</translation>
    </message>
</context>
<context>
    <name>sds::ui::AboutDialog</name>
    <message>
        <source>Stereo (3D) image pairs from a photo and its depth map, and with Stable Diffusion by the StereoDiffusion method.</source>
        <translation>Des paires d’images stéréo (3D) à partir d’une photo et de sa carte de profondeur, et avec Stable Diffusion selon la méthode StereoDiffusion.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>%1, by %2, %3 (%4).</source>
        <translation>%1, par %2, %3 (%4).</translation>
    </message>
    <message>
        <source>Models you may load</source>
        <translation>Modèles que vous pouvez charger</translation>
    </message>
    <message>
        <source>The studio ships no model weights. Each model you load comes under its own licence; read its model card before you use its results.</source>
        <translation>Le studio ne fournit aucun poids de modèle. Chaque modèle que vous chargez a sa propre licence ; lisez sa fiche de modèle avant d’utiliser ses résultats.</translation>
    </message>
    <message>
        <source>%1, also its inpainting checkpoints</source>
        <translation>%1, ainsi que ses checkpoints d’inpainting</translation>
    </message>
    <message>
        <source>%1, also their inpainting checkpoints</source>
        <translation>%1, ainsi que leurs checkpoints d’inpainting</translation>
    </message>
    <message>
        <source>Small: %1; Base, Large and Giant: %2 (non-commercial)</source>
        <translation>Small : %1 ; Base, Large et Giant : %2 (non commercial)</translation>
    </message>
    <message>
        <source>Small, Base, Mono-Large and Metric-Large: %1; Large, Giant and Nested: %2 (non-commercial)</source>
        <translation>Small, Base, Mono-Large et Metric-Large : %1 ; Large, Giant et Nested : %2 (non commercial)</translation>
    </message>
    <message>
        <source>Libraries shipped</source>
        <translation>Bibliothèques fournies</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>StereoDiffusion Studio is free software under the %1 licence.</source>
        <translation>StereoDiffusion Studio est un logiciel libre sous licence %1.</translation>
    </message>
    <message>
        <source>About StereoDiffusion Studio</source>
        <translation>À propos de StereoDiffusion Studio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>sds::ui::ComfortPanel</name>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Monitor (27 inch)</source>
        <translation>Moniteur (27 pouces)</translation>
    </message>
    <message>
        <source>3D TV (55 inch)</source>
        <translation>Téléviseur 3D (55 pouces)</translation>
    </message>
    <message>
        <source>VR headset (virtual screen)</source>
        <translation>Casque VR (écran virtuel)</translation>
    </message>
    <message>
        <source>The picture %1 cm wide, seen from %2 cm</source>
        <translation>Image de %1 cm de large, vue à %2 cm</translation>
    </message>
    <message>
        <source>The screen the pair will be watched on: its width and the viewing distance set how deep the pixels look</source>
        <translation>L’écran sur lequel la paire sera regardée : sa largeur et la distance de vision déterminent la profondeur perçue des pixels</translation>
    </message>
    <message>
        <source>Comfort rule: every point within ±%1° of angular disparity from the screen plane, and nothing behind the screen by more than the eyes&apos; %2 mm separation (Lambooij et al., J. Imaging Sci. Technol. 53(3), 2009; 3DC Safety Guidelines, 2010)</source>
        <translation>Règle de confort : chaque point à moins de ±%1° de disparité angulaire du plan de l’écran, et rien derrière l’écran au-delà de l’écartement des yeux de %2 mm (Lambooij et al., J. Imaging Sci. Technol. 53(3), 2009 ; 3DC Safety Guidelines, 2010)</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>on the screen plane</source>
        <translation>sur le plan de l’écran</translation>
    </message>
    <message>
        <source>%1 mm in front of the screen (%2°)</source>
        <translation>%1 mm devant l’écran (%2°)</translation>
    </message>
    <message>
        <source>%1 mm behind the screen (%2°)</source>
        <translation>%1 mm derrière l’écran (%2°)</translation>
    </message>
    <message>
        <source>Render or generate a pair to see how deep it looks here.</source>
        <translation>Rendez ou générez une paire pour voir ici sa profondeur perçue.</translation>
    </message>
    <message>
        <source>Nearest: %1. Farthest: %2.</source>
        <translation>Point le plus proche : %1. Point le plus éloigné : %2.</translation>
    </message>
    <message>
        <source>⚠ Too deep: the eyes would have to diverge. Lower the disparity.</source>
        <translation>⚠ Trop profond : les yeux devraient diverger. Réduisez la disparité.</translation>
    </message>
    <message>
        <source>⚠ Beyond ±%1° on this display: eye strain is likely. Lower the disparity.</source>
        <translation>⚠ Au-delà de ±%1° sur cet affichage : fatigue visuelle probable. Réduisez la disparité.</translation>
    </message>
    <message>
        <source>Comfortable: within ±%1° on this display.</source>
        <translation>Confortable : à moins de ±%1° sur cet affichage.</translation>
    </message>
</context>
<context>
    <name>sds::ui::ControlUndo</name>
    <message>
        <source>Change %1</source>
        <translation>Modifier « %1 »</translation>
    </message>
</context>
<context>
    <name>sds::ui::DepthEstimateController</name>
    <message>
        <source>&amp;Estimate Depth</source>
        <translation>&amp;Estimer la profondeur</translation>
    </message>
    <message>
        <source>Use &amp;My Depth File</source>
        <translation>Utiliser &amp;mon fichier de profondeur</translation>
    </message>
    <message>
        <source>Use the E&amp;stimated Depth</source>
        <translation>Utiliser la profondeur e&amp;stimée</translation>
    </message>
    <message>
        <source>Estimate Depth of Every &amp;Opened Photo</source>
        <translation>Estimer la profondeur de chaque photo &amp;ouverte</translation>
    </message>
    <message>
        <source>Estimate the photo&apos;s depth with the depth model chosen in the Generate dock</source>
        <translation>Estimer la profondeur de la photo avec le modèle de profondeur choisi dans le panneau «&#xa0;Générer&#xa0;»</translation>
    </message>
    <message>
        <source>Render with the depth map you opened</source>
        <translation>Calculer le rendu avec la carte de profondeur que vous avez ouverte</translation>
    </message>
    <message>
        <source>Render with the depth map the depth model estimated</source>
        <translation>Calculer le rendu avec la carte de profondeur estimée par le modèle</translation>
    </message>
    <message>
        <source>Otherwise an opened photo starts without a depth map</source>
        <translation>Sinon, une photo ouverte commence sans carte de profondeur</translation>
    </message>
    <message>
        <source>Open a photo first: the depth is estimated from it.</source>
        <translation>Ouvrez d’abord une photo&#xa0;: la profondeur est estimée à partir d’elle.</translation>
    </message>
    <message>
        <source>Choose a depth model first (Generate dock, Models, Depth model).</source>
        <translation>Choisissez d’abord un modèle de profondeur (panneau «&#xa0;Générer&#xa0;», Modèles, Modèle de profondeur).</translation>
    </message>
    <message>
        <source>A depth estimate is already running; wait for it or cancel it.</source>
        <translation>Une estimation de profondeur est déjà en cours&#xa0;; attendez-la ou annulez-la.</translation>
    </message>
    <message>
        <source>Depth estimated by %1; your own depth file, if any, is kept (Depth menu).</source>
        <translation>Profondeur estimée par %1&#xa0;; votre propre fichier de profondeur, s’il y en a un, est conservé (menu Profondeur).</translation>
    </message>
    <message>
        <source>Depth estimate cancelled; the depth map is unchanged.</source>
        <translation>Estimation de profondeur annulée&#xa0;; la carte de profondeur est inchangée.</translation>
    </message>
    <message>
        <source>Use My Depth File (%1)</source>
        <translation>Utiliser mon fichier de profondeur (%1)</translation>
    </message>
    <message>
        <source>Use My Depth File</source>
        <translation>Utiliser mon fichier de profondeur</translation>
    </message>
</context>
<context>
    <name>sds::ui::DepthEstimateJob</name>
    <message>
        <source>Estimating depth</source>
        <translation>Estimation de la profondeur</translation>
    </message>
    <message>
        <source>Loading the depth model</source>
        <translation>Chargement du modèle de profondeur</translation>
    </message>
    <message>
        <source>Building the previews</source>
        <translation>Création des aperçus</translation>
    </message>
</context>
<context>
    <name>sds::ui::DepthModelField</name>
    <message>
        <source>The depth models found on this computer with their licences, best first; or type or choose a Depth Anything V2 or 3 folder or .safetensors file</source>
        <translation>Les modèles de profondeur trouvés sur cet ordinateur avec leurs licences, le meilleur en premier&#xa0;; ou saisissez ou choisissez un dossier ou un fichier .safetensors Depth Anything V2 ou 3</translation>
    </message>
    <message>
        <source>Choose a .safetensors file, or config.json inside a model folder</source>
        <translation>Choisissez un fichier .safetensors, ou config.json dans un dossier de modèle</translation>
    </message>
    <message>
        <source> °</source>
        <translation> °</translation>
    </message>
    <message>
        <source>Metric depth models measure in metres from the focal length: the photo&apos;s horizontal field of view, used when its EXIF gives no focal length</source>
        <translation>Les modèles de profondeur métriques mesurent en mètres à partir de la focale&#xa0;: le champ de vision horizontal de la photo, utilisé quand ses données EXIF ne donnent pas de focale</translation>
    </message>
    <message>
        <source>Field of view</source>
        <translation>Champ de vision</translation>
    </message>
    <message>
        <source>custom size (%1 wide)</source>
        <translation>taille personnalisée (largeur %1)</translation>
    </message>
    <message>
        <source>%1 (any-view model, not supported)</source>
        <translation>%1 (modèle multivue, non pris en charge)</translation>
    </message>
    <message>
        <source>licence unknown</source>
        <translation>licence inconnue</translation>
    </message>
    <message>
        <source>%1, non-commercial use only</source>
        <translation>%1, usage non commercial uniquement</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>depth model name — its licence</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (Hugging Face cache)
%2</source>
        <translation>%1 (cache Hugging Face)
%2</translation>
    </message>
    <message>
        <source>focal length from EXIF: %1 mm equiv.</source>
        <translation>focale d’après l’EXIF&#xa0;: %1 mm équiv.</translation>
    </message>
    <message>
        <source>focal length from EXIF: %1 mm</source>
        <translation>focale d’après l’EXIF&#xa0;: %1 mm</translation>
    </message>
    <message>
        <source>Choose a Depth Anything Model</source>
        <translation>Choisir un modèle Depth Anything</translation>
    </message>
    <message>
        <source>Models (*.safetensors config.json);;All files (*)</source>
        <translation>Modèles (*.safetensors config.json);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>sds::ui::DisparityPlot</name>
    <message>
        <source>Disparity (pixels, full resolution)</source>
        <translation>Disparité (pixels, pleine résolution)</translation>
    </message>
    <message>
        <source>% of pixels</source>
        <translation>% des pixels</translation>
    </message>
</context>
<context>
    <name>sds::ui::DisplayNames</name>
    <message>
        <source>Inverse depth (near is bright)</source>
        <translation>Profondeur inverse (proche = clair)</translation>
    </message>
    <message>
        <source>Depth (near is dark)</source>
        <translation>Profondeur (proche = sombre)</translation>
    </message>
    <message>
        <source>Disparity in pixels</source>
        <translation>Disparité en pixels</translation>
    </message>
    <message>
        <source>Stretch background</source>
        <translation>Étirer l’arrière-plan</translation>
    </message>
    <message>
        <source>Inpaint (Telea)</source>
        <translation>Reconstruction (Telea)</translation>
    </message>
    <message>
        <source>Inpainting model</source>
        <translation>Modèle d’inpainting</translation>
    </message>
    <message>
        <source>Photo is the left view</source>
        <translation>Photo en vue gauche</translation>
    </message>
    <message>
        <source>Photo is the centre view</source>
        <translation>Photo en vue centrale</translation>
    </message>
    <message>
        <source>Left view</source>
        <translation>Vue gauche</translation>
    </message>
    <message>
        <source>Right view</source>
        <translation>Vue droite</translation>
    </message>
    <message>
        <source>Side by side, parallel</source>
        <translation>Côte à côte, vision parallèle</translation>
    </message>
    <message>
        <source>Side by side, cross-eyed</source>
        <translation>Côte à côte, vision croisée</translation>
    </message>
    <message>
        <source>Half side by side</source>
        <translation>Demi côte à côte</translation>
    </message>
    <message>
        <source>Over-under</source>
        <translation>Dessus-dessous</translation>
    </message>
    <message>
        <source>Half over-under</source>
        <translation>Demi dessus-dessous</translation>
    </message>
    <message>
        <source>Anaglyph, true</source>
        <translation>Anaglyphe, vrai</translation>
    </message>
    <message>
        <source>Anaglyph, grey</source>
        <translation>Anaglyphe, gris</translation>
    </message>
    <message>
        <source>Anaglyph, colour</source>
        <translation>Anaglyphe, couleur</translation>
    </message>
    <message>
        <source>Anaglyph, half colour</source>
        <translation>Anaglyphe, demi-couleur</translation>
    </message>
    <message>
        <source>Anaglyph, Dubois</source>
        <translation>Anaglyphe, Dubois</translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportController</name>
    <message>
        <source>Open a photo and a depth map before exporting.</source>
        <translation>Ouvrez une photo et une carte de profondeur avant d’exporter.</translation>
    </message>
    <message>
        <source>An export is already running; wait for it or cancel it.</source>
        <translation>Un export est déjà en cours&#xa0;; attendez-le ou annulez-le.</translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>How the two views are laid out in the file: side by side and over-under for 3D TVs, headsets and free viewing, anaglyph for red/cyan glasses, MPO for 3D cameras and displays</source>
        <translation>Disposition des deux vues dans le fichier&#xa0;: côte à côte et dessus-dessous pour les téléviseurs 3D, les casques et la vision libre, anaglyphe pour les lunettes rouge/cyan, MPO pour les appareils photo et écrans 3D</translation>
    </message>
    <message>
        <source>Where the file is written; the extension follows the format</source>
        <translation>Emplacement du fichier&#xa0;; l’extension suit le format</translation>
    </message>
    <message>
        <source>JPEG and MPO only: higher keeps more detail in bigger files</source>
        <translation>JPEG et MPO uniquement&#xa0;: plus haut garde plus de détails, dans des fichiers plus gros</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose the file in a dialog</source>
        <translation>Choisir le fichier dans une boîte de dialogue</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>Qualité JPEG</translation>
    </message>
    <message>
        <source>Enter a file name.</source>
        <translation>Saisissez un nom de fichier.</translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 est un dossier&#xa0;; ajoutez un nom de fichier.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier&#xa0;?</translation>
    </message>
    <message>
        <source>%1 already exists in %2. Replace it?</source>
        <translation>%1 existe déjà dans %2. Le remplacer&#xa0;?</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Writes two files, with -left and -right added to the name.</source>
        <translation>Écrit deux fichiers, avec -left et -right ajoutés au nom.</translation>
    </message>
    <message>
        <source>The disparity in pixels the right view was made with, near is bright; the value range is stored in the file.</source>
        <translation>La disparité en pixels avec laquelle la vue droite a été créée, proche = clair&#xa0;; la plage de valeurs est enregistrée dans le fichier.</translation>
    </message>
    <message>
        <source>At the photo&apos;s full resolution; the parameters are stored with the file.</source>
        <translation>À la pleine résolution de la photo&#xa0;; les paramètres sont enregistrés avec le fichier.</translation>
    </message>
    <message>
        <source>MPO stereo images (*.mpo)</source>
        <translation>Images stéréo MPO (*.mpo)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
</context>
<context>
    <name>sds::ui::ExportFormats</name>
    <message>
        <source>Left and right, two files</source>
        <translation>Gauche et droite, deux fichiers</translation>
    </message>
    <message>
        <source>MPO (3D cameras, Nintendo 3DS)</source>
        <translation>MPO (appareils photo 3D, Nintendo 3DS)</translation>
    </message>
    <message>
        <source>Disparity map, 16-bit PNG</source>
        <translation>Carte de disparité, PNG 16 bits</translation>
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
        <translation>Rendu en pleine résolution</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Écriture de %1</translation>
    </message>
    <message>
        <source>This pair does not know the disparity it was made with; export it in a stereo format.</source>
        <translation>La disparité avec laquelle cette paire a été créée est inconnue&#xa0;; exportez-la dans un format stéréo.</translation>
    </message>
</context>
<context>
    <name>sds::ui::FileActions</name>
    <message>
        <source>Open &amp;Photo…</source>
        <translation>Ouvrir une &amp;photo…</translation>
    </message>
    <message>
        <source>Open &amp;Depth Map…</source>
        <translation>Ouvrir une carte de pro&amp;fondeur…</translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation>&amp;Ouvrir l’exemple</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>Open the photo to turn into 3D</source>
        <translation>Ouvrir la photo à convertir en 3D</translation>
    </message>
    <message>
        <source>Open the depth map that belongs to the photo: a greyscale image, read as the Depth map setting says</source>
        <translation>Ouvrir la carte de profondeur de la photo&#xa0;: une image en niveaux de gris, lue selon le réglage «&#xa0;Carte de profondeur&#xa0;»</translation>
    </message>
    <message>
        <source>Open the bundled sample photo and its depth map</source>
        <translation>Ouvrir la photo d’exemple fournie et sa carte de profondeur</translation>
    </message>
    <message>
        <source>Open Depth Map</source>
        <translation>Ouvrir une carte de profondeur</translation>
    </message>
    <message>
        <source>Open Photo</source>
        <translation>Ouvrir une photo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Effacer la liste</translation>
    </message>
</context>
<context>
    <name>sds::ui::Generation</name>
    <message>
        <source>Open a photo first: photo to stereo works on it.</source>
        <translation>Ouvrez d’abord une photo&#xa0;: la paire stéréo est créée à partir d’elle.</translation>
    </message>
    <message>
        <source>The source has no depth map; open or estimate one, or turn off &quot;Use the source&apos;s depth map&quot;.</source>
        <translation>La source n’a pas de carte de profondeur&#xa0;; ouvrez-en ou estimez-en une, ou décochez «&#xa0;Utiliser la carte de profondeur de la source&#xa0;».</translation>
    </message>
</context>
<context>
    <name>sds::ui::GenerationDock</name>
    <message>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1&#xa0;: %2&#xa0;%</translation>
    </message>
    <message>
        <source>Done: the right view was made again; the new pair is in the history.</source>
        <translation>Terminé&#xa0;: la vue droite a été recréée&#xa0;; la nouvelle paire est dans l’historique.</translation>
    </message>
    <message>
        <source>Done: the pair is in the history.</source>
        <translation>Terminé&#xa0;: la paire est dans l’historique.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Cancel Generation</source>
        <translation>Annuler la génération</translation>
    </message>
    <message>
        <source>Start a generation with the Generate panel&apos;s settings (Ctrl+Enter)</source>
        <translation>Lancer une génération avec les réglages du panneau Générer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Stop the running generation; what is finished stays (Escape)</source>
        <translation>Arrêter la génération en cours ; ce qui est terminé est conservé (Échap)</translation>
    </message>
    <message>
        <source>Generation cancelled; nothing was added to the history. The models and the finished left view are kept: Generate again with the same prompt starts at the right view.</source>
        <translation>Génération annulée ; rien n’a été ajouté à l’historique. Les modèles et la vue gauche terminée sont conservés : générer à nouveau avec le même prompt reprend à la vue droite.</translation>
    </message>
    <message>
        <source>Generation cancelled; nothing was added to the history. The loaded models are kept.</source>
        <translation>Génération annulée ; rien n’a été ajouté à l’historique. Les modèles chargés sont conservés.</translation>
    </message>
</context>
<context>
    <name>sds::ui::GenerationFeedback</name>
    <message>
        <source>The stage the run is in and its denoising step</source>
        <translation>L’étape en cours et son pas de débruitage</translation>
    </message>
    <message>
        <source>Time since Generate, and the time left estimated from the measured step times</source>
        <translation>Temps écoulé depuis « Générer », et temps restant estimé d’après les durées mesurées des pas</translation>
    </message>
    <message>
        <source>The picture so far, every few steps: a quick colour estimate from the latent, not the final decode (blurry and low-resolution by design)</source>
        <translation>L’image jusqu’ici, tous les quelques pas : une estimation rapide des couleurs à partir du latent, pas le décodage final (floue et en basse résolution à dessein)</translation>
    </message>
    <message>
        <source>Seconds each denoising step took, as the run goes</source>
        <translation>Secondes prises par chaque pas de débruitage, au fil du calcul</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>s per step</source>
        <translation>s par pas</translation>
    </message>
    <message>
        <source>The picture appears after the first step.</source>
        <translation>L’image apparaît après le premier pas.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>%1: step %2 of %3</source>
        <translation>%1 : pas %2 sur %3</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>Durée %1</translation>
    </message>
    <message>
        <source>Elapsed %1, about %2 left</source>
        <translation>Écoulé %1, encore environ %2</translation>
    </message>
    <message>
        <source>Elapsed %1, estimating the time left…</source>
        <translation>Écoulé %1, estimation du temps restant…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>sds::ui::GenerationJob</name>
    <message>
        <source>Generating</source>
        <translation>Génération</translation>
    </message>
</context>
<context>
    <name>sds::ui::GenerationPanel</name>
    <message>
        <source>Choose a Stable Diffusion Model</source>
        <translation>Choisir un modèle Stable Diffusion</translation>
    </message>
    <message>
        <source>Use the source&apos;s depth map</source>
        <translation>Utiliser la carte de profondeur de la source</translation>
    </message>
    <message>
        <source>Fill disocclusions with fresh noise</source>
        <translation>Remplir les zones découvertes avec un bruit neuf</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Make a stereo pair with these settings; it is added to the history</source>
        <translation>Créer une paire stéréo avec ces réglages&#xa0;; elle est ajoutée à l’historique</translation>
    </message>
    <message>
        <source>Stop the running generation</source>
        <translation>Arrêter la génération en cours</translation>
    </message>
    <message numerus="yes">
        <source>%n CUDA device(s) found</source>
        <translation>
            <numerusform>%n périphérique CUDA trouvé</numerusform>
            <numerusform>%n périphériques CUDA trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Non disponible&#xa0;: %1</translation>
    </message>
    <message>
        <source>CUDA GPU: not available</source>
        <translation>GPU CUDA&#xa0;: non disponible</translation>
    </message>
    <message>
        <source>Where the models run</source>
        <translation>Où les modèles s’exécutent</translation>
    </message>
    <message>
        <source>Where the models run. CUDA: %1</source>
        <translation>Où les modèles s’exécutent. CUDA&#xa0;: %1</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>A diffusers folder (choose its model_index.json) or a single .safetensors file</source>
        <translation>Un dossier diffusers (choisissez son model_index.json) ou un fichier .safetensors unique</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Stable Diffusion</source>
        <translation>Stable Diffusion</translation>
    </message>
    <message>
        <source>Depth model</source>
        <translation>Modèle de profondeur</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>From a prompt</source>
        <translation>À partir d’un prompt</translation>
    </message>
    <message>
        <source>From the open photo</source>
        <translation>À partir de la photo ouverte</translation>
    </message>
    <message>
        <source>From a prompt: Stable Diffusion draws the left view, then the right view beside it. From the open photo: the photo is the left view and only the right view is made.</source>
        <translation>À partir d’un prompt&#xa0;: Stable Diffusion dessine la vue gauche, puis la vue droite à côté. À partir de la photo ouverte&#xa0;: la photo est la vue gauche et seule la vue droite est créée.</translation>
    </message>
    <message>
        <source>Describe the picture. For a photo, describing what it shows helps the inversion keep it faithful.</source>
        <translation>Décrivez l’image. Pour une photo, décrire ce qu’elle montre aide l’inversion à rester fidèle.</translation>
    </message>
    <message>
        <source>What to draw (or what the photo shows)</source>
        <translation>Ce qu’il faut dessiner (ou ce que montre la photo)</translation>
    </message>
    <message>
        <source>What to avoid</source>
        <translation>Ce qu’il faut éviter</translation>
    </message>
    <message>
        <source>Things Stable Diffusion should keep out of the picture (prompt mode only)</source>
        <translation>Ce que Stable Diffusion doit tenir hors de l’image (mode prompt uniquement)</translation>
    </message>
    <message>
        <source>Take the depth from the source&apos;s active depth map (your file, or the estimate when you chose it) instead of running the depth model</source>
        <translation>Prendre la profondeur dans la carte active de la source (votre fichier, ou l’estimation si vous l’avez choisie) au lieu d’exécuter le modèle de profondeur</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Prompt négatif</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <source>Pick a new random seed</source>
        <translation>Tirer une nouvelle graine au hasard</translation>
    </message>
    <message>
        <source>Denoising steps: more gives finer detail and takes longer (25 to 50 is usual)</source>
        <translation>Étapes de débruitage&#xa0;: plus d’étapes donnent des détails plus fins mais prennent plus de temps (25 à 50 en général)</translation>
    </message>
    <message>
        <source>How strictly the picture follows the prompt: higher is more literal, lower more varied (7.5 is usual)</source>
        <translation>À quel point l’image suit le prompt&#xa0;: plus haut est plus littéral, plus bas plus varié (7,5 en général)</translation>
    </message>
    <message>
        <source>The same seed and settings give the same pair again</source>
        <translation>La même graine et les mêmes réglages redonnent la même paire</translation>
    </message>
    <message>
        <source>Width of the generated pair in pixels (prompt mode; a multiple of 8)</source>
        <translation>Largeur de la paire générée en pixels (mode prompt&#xa0;; un multiple de 8)</translation>
    </message>
    <message>
        <source>Height of the generated pair in pixels (prompt mode; a multiple of 8)</source>
        <translation>Hauteur de la paire générée en pixels (mode prompt&#xa0;; un multiple de 8)</translation>
    </message>
    <message>
        <source>How the photo is turned into Stable Diffusion&apos;s noise. Null-text keeps the left view close to the photo but takes much longer; fast may change colours and detail.</source>
        <translation>Comment la photo est convertie en bruit de Stable Diffusion. Null-text garde la vue gauche proche de la photo mais prend beaucoup plus de temps&#xa0;; rapide peut modifier les couleurs et les détails.</translation>
    </message>
    <message>
        <source>Null-text (faithful, slow)</source>
        <translation>Null-text (fidèle, lent)</translation>
    </message>
    <message>
        <source>Fast (DDIM inversion only)</source>
        <translation>Rapide (inversion DDIM seule)</translation>
    </message>
    <message>
        <source>Long side Stable Diffusion works at; the result keeps the photo&apos;s size</source>
        <translation>Longueur du grand côté sur lequel travaille Stable Diffusion&#xa0;; le résultat garde la taille de la photo</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Échantillonnage</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidage</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Inversion</source>
        <translation>Inversion</translation>
    </message>
    <message>
        <source>Working size</source>
        <translation>Taille de travail</translation>
    </message>
    <message>
        <source>Largest shift of the right view&apos;s latents, in percent of the image width (8 px steps). On a shown prompt pair, a change re-runs its right view.</source>
        <translation>Décalage maximal des latents de la vue droite, en pourcentage de la largeur de l’image (par pas de 8&#xa0;px). Sur une paire issue d’un prompt affichée, un changement recrée sa vue droite.</translation>
    </message>
    <message>
        <source>Automatic (20 %)</source>
        <translation>Automatique (20&#xa0;%)</translation>
    </message>
    <message>
        <source>The denoising step at which the right view is shifted off the left</source>
        <translation>L’étape de débruitage à laquelle la vue droite est décalée par rapport à la gauche</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Re-apply the shift to the filled areas every N steps</source>
        <translation>Réappliquer le décalage aux zones remplies toutes les N étapes</translation>
    </message>
    <message>
        <source>One-way (right reads left)</source>
        <translation>À sens unique (la droite lit la gauche)</translation>
    </message>
    <message>
        <source>Two-way</source>
        <translation>Dans les deux sens</translation>
    </message>
    <message>
        <source>How the two views share attention while denoising. One-way: the right view copies detail from the left, so both views match best. Two-way: each view reads the other, which can change the left view too.</source>
        <translation>Comment les deux vues partagent l’attention pendant le débruitage. À sens unique&#xa0;: la vue droite copie les détails de la gauche, les deux vues concordent au mieux. Dans les deux sens&#xa0;: chaque vue lit l’autre, ce qui peut aussi modifier la vue gauche.</translation>
    </message>
    <message>
        <source>Areas the right view sees behind foreground edges start from fresh noise, so Stable Diffusion paints new detail there instead of smearing the edge; off keeps the shifted latents (softer, sometimes streaky gaps).</source>
        <translation>Les zones que la vue droite voit derrière les bords du premier plan partent d’un bruit neuf&#xa0;: Stable Diffusion y peint de nouveaux détails au lieu d’étaler le bord&#xa0;; désactivé garde les latents décalés (trous plus flous, parfois striés).</translation>
    </message>
    <message>
        <source>Right view (AI)</source>
        <translation>Vue droite (IA)</translation>
    </message>
    <message>
        <source>How Stable Diffusion makes the right view. With a prompt pair shown, changing only these re-runs its right view (the left view is kept).</source>
        <translation>Comment Stable Diffusion crée la vue droite. Quand une paire issue d’un prompt est affichée, ne modifier que ces réglages recrée sa vue droite (la vue gauche est conservée).</translation>
    </message>
    <message>
        <source>AI disparity</source>
        <translation>Disparité IA</translation>
    </message>
    <message>
        <source>Shift step</source>
        <translation>Étape de décalage</translation>
    </message>
    <message>
        <source>Mask interval</source>
        <translation>Intervalle du masque</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>The number format the networks compute in. Auto: bfloat16 on a CPU that computes it natively (about twice as fast as float32, nearly the same picture), float16 on CUDA, float32 otherwise. The text encoder and the sampler always use float32, and under bfloat16 so do the image decoder and the depth model.</source>
        <translation>Le format numérique dans lequel calculent les réseaux. Auto : bfloat16 sur un processeur qui le calcule nativement (environ deux fois plus rapide que float32, presque la même image), float16 avec CUDA, sinon float32. L’encodeur de texte et l’échantillonneur calculent toujours en float32, et sous bfloat16 aussi le décodeur d’image et le modèle de profondeur.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <source>Runs in %1.</source>
        <translation>Calcule en %1.</translation>
    </message>
    <message>
        <source>Runs in %1 (auto: the usual choice on CUDA).</source>
        <translation>Calcule en %1 (auto : le choix habituel avec CUDA).</translation>
    </message>
    <message>
        <source>Runs in %1 (auto: this CPU computes bfloat16 natively, %2).</source>
        <translation>Calcule en %1 (auto : ce processeur calcule bfloat16 nativement, %2).</translation>
    </message>
    <message>
        <source>Runs in %1 (auto: this CPU has no native bfloat16).</source>
        <translation>Calcule en %1 (auto : ce processeur n’a pas de bfloat16 natif).</translation>
    </message>
    <message>
        <source>Runs in %1, emulated: this CPU has no native bfloat16, so it is slower than float32.</source>
        <translation>Calcule en %1, émulé : ce processeur n’a pas de bfloat16 natif, c’est donc plus lent que float32.</translation>
    </message>
    <message>
        <source>Not available on this device: choose bfloat16 or float32 on the CPU.</source>
        <translation>Indisponible sur cet appareil : choisissez bfloat16 ou float32 sur le processeur.</translation>
    </message>
    <message>
        <source>Native</source>
        <translation>Native</translation>
    </message>
    <message>
        <source>Use the detected model&apos;s native size (1024 px for SDXL, 512 px for SD 1.x and 2.x), and follow the model when another one is chosen. A size you type is kept.</source>
        <translation>Utiliser la taille native du modèle détecté (1024 px pour SDXL, 512 px pour SD 1.x et 2.x) et suivre le modèle quand un autre est choisi. Une taille que vous saisissez est conservée.</translation>
    </message>
    <message>
        <source>Reading the model…</source>
        <translation>Lecture du modèle…</translation>
    </message>
    <message>
        <source>Size: its native %1 × %2 px.</source>
        <translation>Taille&#xa0;: sa taille native, %1 × %2 px.</translation>
    </message>
    <message>
        <source>Size: %1 × %2 px as you set it (Native uses %3 px).</source>
        <translation>Taille&#xa0;: %1 × %2 px, comme vous l’avez saisie (Native utilise %3 px).</translation>
    </message>
    <message>
        <source>Keep the left view&apos;s pixels where the right eye sees them</source>
        <translation>Garder les pixels de la vue gauche là où l’œil droit les voit</translation>
    </message>
    <message>
        <source>Prompt pairs: the right view is the left view&apos;s own pixels, moved by the depth with clean edges, wherever the right eye sees them; Stable Diffusion&apos;s right view fills only what the left view could not see. Both views then match exactly. Photo pairs are always made this way.</source>
        <translation>Paires issues d’un prompt : la vue droite reprend les pixels de la vue gauche, déplacés selon la profondeur avec des bords nets, partout où l’œil droit les voit ; la vue droite de Stable Diffusion ne remplit que ce que la vue gauche ne pouvait pas voir. Les deux vues concordent alors exactement. Les paires issues d’une photo sont toujours faites ainsi.</translation>
    </message>
</context>
<context>
    <name>sds::ui::HelpActions</name>
    <message>
        <source>User Guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>The user guide was not found; an installed studio has it in share/sdstereo/guide/user-guide.md.</source>
        <translation>Le guide de l’utilisateur est introuvable ; un studio installé le place dans share/sdstereo/guide/user-guide.md.</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>Step by step from a photo to an exported stereo pair</source>
        <translation>Pas à pas, d’une photo à une paire stéréo exportée</translation>
    </message>
    <message>
        <source>&amp;About StereoDiffusion Studio</source>
        <translation>À &amp;propos de StereoDiffusion Studio</translation>
    </message>
</context>
<context>
    <name>sds::ui::HistoryCommands</name>
    <message>
        <source>New pair</source>
        <translation>Nouvelle paire</translation>
    </message>
    <message>
        <source>Remove pair</source>
        <translation>Retirer la paire</translation>
    </message>
    <message>
        <source>Change stereo settings</source>
        <translation>Modifier les réglages stéréo</translation>
    </message>
</context>
<context>
    <name>sds::ui::HistoryStrip</name>
    <message>
        <source>Show the Source</source>
        <translation>Afficher la source</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Show the photo and its depth map again (the live render)</source>
        <translation>Afficher à nouveau la photo et sa carte de profondeur (le rendu en direct)</translation>
    </message>
    <message>
        <source>Export the selected pair to a file</source>
        <translation>Exporter la paire sélectionnée dans un fichier</translation>
    </message>
    <message>
        <source>The pairs made in this session; click one to show it</source>
        <translation>Les paires créées pendant cette session&#xa0;; cliquez sur l’une d’elles pour l’afficher</translation>
    </message>
    <message>
        <source>Remove the selected pair from the history (Edit &gt; Undo brings it back)</source>
        <translation>Retirer la paire sélectionnée de l’historique (Édition &gt; Annuler la rétablit)</translation>
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
        <translation>Photo</translation>
    </message>
    <message>
        <source>%1
Made at %2, %3 × %4</source>
        <translation>%1
Créée à %2, %3 × %4</translation>
    </message>
</context>
<context>
    <name>sds::ui::Job</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 impossible&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 failed unexpectedly: %2</source>
        <translation>Erreur inattendue (%1)&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sds::ui::JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop this job; nothing is written</source>
        <translation>Arrêter cette tâche&#xa0;; rien n’est écrit</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>sds::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Follow the system&apos;s language (%1)</source>
        <translation>Suivre la langue du système (%1)</translation>
    </message>
    <message>
        <source>The language changes when the studio is started again.</source>
        <translation>La langue change au prochain démarrage du studio.</translation>
    </message>
</context>
<context>
    <name>sds::ui::Languages</name>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
</context>
<context>
    <name>sds::ui::LoadJob</name>
    <message>
        <source>Opening files</source>
        <translation>Ouverture des fichiers</translation>
    </message>
</context>
<context>
    <name>sds::ui::MainWindow</name>
    <message>
        <source>Stereo render (photo + depth)</source>
        <translation>Rendu stéréo (photo + profondeur)</translation>
    </message>
    <message>
        <source>Disparity histogram</source>
        <translation>Histogramme de disparité</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Depth</source>
        <translation>&amp;Profondeur</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Generate (AI)</source>
        <translation>&amp;Générer (IA)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>Preview %1 × %2, rendered in %3 ms</source>
        <translation>Aperçu %1 × %2, calculé en %3&#xa0;ms</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exporté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Depth map of another shape</source>
        <translation>Carte de profondeur d’une autre forme</translation>
    </message>
    <message>
        <source>The depth map is %1 × %2 but the photo is %3 × %4: their shapes differ, so it cannot be laid over the photo as it is.

Fit: stretch it to the photo (distorts it).
Crop: use its centre at the photo&apos;s shape.
Cancel: do not use this depth map.</source>
        <translation>La carte de profondeur mesure %1 × %2 mais la photo %3 × %4&#xa0;: leurs proportions diffèrent, elle ne peut donc pas être superposée telle quelle à la photo.

Ajuster&#xa0;: l’étirer aux dimensions de la photo (la déforme).
Recadrer&#xa0;: utiliser son centre aux proportions de la photo.
Annuler&#xa0;: ne pas utiliser cette carte de profondeur.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Recadrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open a photo and its depth map to begin.</source>
        <translation>Ouvrez une photo et sa carte de profondeur pour commencer.</translation>
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
        <source>Quit without exporting?</source>
        <translation>Quitter sans exporter&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>%n generated pair(s) of this session were not exported and will be lost.</source>
        <translation>
            <numerusform>%n paire générée pendant cette session n’a pas été exportée et sera perdue.</numerusform>
            <numerusform>%n paires générées pendant cette session n’ont pas été exportées et seront perdues.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Without Exporting</source>
        <translation>Quitter sans exporter</translation>
    </message>
    <message>
        <source>Preview with the fast fill; the inpainting model is filling the holes…</source>
        <translation>Aperçu avec le remplissage rapide&#xa0;; le modèle d’inpainting remplit les trous…</translation>
    </message>
    <message>
        <source>Preview %1 × %2, inpainted in %3 ms</source>
        <translation>Aperçu %1 × %2, inpainting en %3&#xa0;ms</translation>
    </message>
    <message>
        <source>Inpainting cancelled: the preview keeps the fast fill</source>
        <translation>Inpainting annulé&#xa0;: l’aperçu garde le remplissage rapide</translation>
    </message>
</context>
<context>
    <name>sds::ui::ModelPathField</name>
    <message>
        <source>Choose a .safetensors file, or %1 inside a model folder</source>
        <translation>Choisir un fichier .safetensors, ou %1 dans un dossier de modèle</translation>
    </message>
    <message>
        <source>Models (*.safetensors %1);;All files (*)</source>
        <translation>Modèles (*.safetensors %1);;Tous les fichiers (*)</translation>
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
        <translation>Photo</translation>
    </message>
    <message>
        <source> · shift %1 %</source>
        <translation> · décalage %1&#xa0;%</translation>
    </message>
    <message>
        <source> · step auto</source>
        <translation> · étape auto</translation>
    </message>
    <message>
        <source> · step %1</source>
        <translation> · étape %1</translation>
    </message>
    <message numerus="yes">
        <source> · seed %1 · %n step(s)</source>
        <translation>
            <numerusform> · graine %1 · %n étape</numerusform>
            <numerusform> · graine %1 · %n étapes</numerusform>
        </translation>
    </message>
    <message>
        <source> · composed</source>
        <translation> · composée</translation>
    </message>
</context>
<context>
    <name>sds::ui::PreviewTabs</name>
    <message>
        <source>Open a photo and its depth map (File menu), or drop them here.</source>
        <translation>Ouvrez une photo et sa carte de profondeur (menu Fichier), ou déposez-les ici.</translation>
    </message>
    <message>
        <source>No depth map yet.</source>
        <translation>Pas encore de carte de profondeur.</translation>
    </message>
    <message>
        <source>The stereo pair appears here once a photo and a depth map are open.</source>
        <translation>La paire stéréo apparaît ici dès qu’une photo et une carte de profondeur sont ouvertes.</translation>
    </message>
    <message>
        <source>The anaglyph appears here once a photo and a depth map are open.</source>
        <translation>L’anaglyphe apparaît ici dès qu’une photo et une carte de profondeur sont ouvertes.</translation>
    </message>
    <message>
        <source>No photo yet.</source>
        <translation>Pas encore de photo.</translation>
    </message>
    <message>
        <source>Swap eyes</source>
        <translation>Inverser les yeux</translation>
    </message>
    <message>
        <source>The two views take turns here once a photo and a depth map are open.</source>
        <translation>Les deux vues alternent ici dès qu’une photo et une carte de profondeur sont ouvertes.</translation>
    </message>
    <message>
        <source>Show the right view to the left eye and the other way round, in every stereo preview: if the depth looks inside out, the views were swapped. Exports are not affected.</source>
        <translation>Montrer la vue droite à l’œil gauche et inversement, dans chaque aperçu stéréo&#xa0;: si le relief paraît inversé, les vues étaient permutées. Les exports ne sont pas concernés.</translation>
    </message>
    <message>
        <source>Parallel: the left view on the left, for VR headsets, 3D TVs and parallel free viewing. Cross-eyed: the views exchanged, for cross-eyed free viewing.</source>
        <translation>Parallèle&#xa0;: la vue gauche à gauche, pour les casques VR, les téléviseurs 3D et la vision libre parallèle. Croisée&#xa0;: les vues échangées, pour la vision libre croisée.</translation>
    </message>
    <message>
        <source>Red/cyan glasses (red filter on the left eye). Dubois gives the least ghosting and good colour; grey has no colour clash at all.</source>
        <translation>Lunettes rouge/cyan (filtre rouge sur l’œil gauche). Dubois donne le moins d’images fantômes et de bonnes couleurs&#xa0;; gris n’a aucun conflit de couleurs.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Depth map</source>
        <translation>Carte de profondeur</translation>
    </message>
    <message>
        <source>Viewing</source>
        <translation>Visionnage</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Glasses (red/cyan)</source>
        <translation>Lunettes (rouge/cyan)</translation>
    </message>
    <message>
        <source>Anaglyph</source>
        <translation>Anaglyphe</translation>
    </message>
    <message>
        <source>Wiggle</source>
        <translation>Wiggle</translation>
    </message>
    <message>
        <source>Photo | Depth</source>
        <translation>Photo | Profondeur</translation>
    </message>
    <message>
        <source>The left and right views in turn: judge the depth without glasses.</source>
        <translation>Les vues gauche et droite en alternance&#xa0;: jugez le relief sans lunettes.</translation>
    </message>
    <message>
        <source>The photo and its depth map side by side, zoomed and panned together.</source>
        <translation>La photo et sa carte de profondeur côte à côte, zoomées et déplacées ensemble.</translation>
    </message>
    <message>
        <source>Red/cyan, Dubois: least ghosting, natural colours; the best all-round choice</source>
        <translation>Rouge/cyan, Dubois&#xa0;: le moins d’images fantômes, des couleurs naturelles&#xa0;; le meilleur choix polyvalent</translation>
    </message>
    <message>
        <source>Red/cyan, half colour: less retinal rivalry than full colour, some colour</source>
        <translation>Rouge/cyan, demi-couleur&#xa0;: moins de rivalité rétinienne qu’en couleur, un peu de couleur</translation>
    </message>
    <message>
        <source>Red/cyan, full colour: brightest colours, but red objects flicker</source>
        <translation>Rouge/cyan, couleur&#xa0;: les couleurs les plus vives, mais les objets rouges scintillent</translation>
    </message>
    <message>
        <source>Red/cyan, grey: no colour at all, no colour clash</source>
        <translation>Rouge/cyan, gris&#xa0;: aucune couleur, aucun conflit de couleurs</translation>
    </message>
    <message>
        <source>Red/cyan, true: dark, but hardly any ghosting on cheap glasses</source>
        <translation>Rouge/cyan, vrai&#xa0;: sombre, mais presque pas d’images fantômes avec des lunettes bon marché</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom in (also the mouse wheel or a pinch, at the pointer)</source>
        <translation>Zoom avant (aussi avec la molette ou en pinçant, sous le pointeur)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>A&amp;juster à la fenêtre</translation>
    </message>
    <message>
        <source>Show the whole picture</source>
        <translation>Afficher l’image entière</translation>
    </message>
    <message>
        <source>&amp;Actual Pixels</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>One picture pixel per screen pixel (double-click a picture for the same at that point)</source>
        <translation>Un pixel de l’image par pixel de l’écran (double-cliquez sur une image pour faire de même à cet endroit)</translation>
    </message>
    <message>
        <source>Left view</source>
        <translation>Vue gauche</translation>
    </message>
    <message>
        <source>Disparity</source>
        <translation>Disparité</translation>
    </message>
    <message>
        <source>Left | Disparity</source>
        <translation>Gauche | Disparité</translation>
    </message>
</context>
<context>
    <name>sds::ui::RenderControls</name>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Depth map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Render disparity</source>
        <translation>Disparité</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Convergence</translation>
    </message>
    <message>
        <source>Exponent</source>
        <translation>Exposant</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplissage</translation>
    </message>
    <message>
        <source>The depth map is a disparity in pixels: it already says how far things shift</source>
        <translation>La carte de profondeur est une disparité en pixels&#xa0;: elle indique déjà de combien les objets se décalent</translation>
    </message>
    <message>
        <source>How the depth map&apos;s values read</source>
        <translation>Comment lire les valeurs de la carte de profondeur</translation>
    </message>
    <message>
        <source>Largest disparity of the rendered right view, in percent of the image width</source>
        <translation>Disparité maximale de la vue droite calculée, en pourcentage de la largeur de l’image</translation>
    </message>
    <message>
        <source>Shapes the depth: above 1 pushes detail towards the viewer, below 1 away</source>
        <translation>Modèle la profondeur&#xa0;: au-dessus de 1, les détails viennent vers le spectateur, en dessous, ils s’en éloignent</translation>
    </message>
    <message>
        <source>Which depth lands on the screen plane: 0 = the farthest, 1 = the nearest</source>
        <translation>Quelle profondeur se trouve dans le plan de l’écran&#xa0;: 0 = la plus lointaine, 1 = la plus proche</translation>
    </message>
    <message>
        <source>Render the right view from the left, or both views half way</source>
        <translation>Calculer la vue droite à partir de la gauche, ou les deux vues à mi-chemin</translation>
    </message>
    <message>
        <source>How areas that the right view sees but the photo does not are filled</source>
        <translation>Comment remplir les zones que voit la vue droite mais pas la photo</translation>
    </message>
    <message>
        <source>Back to the default render settings</source>
        <translation>Revenir aux réglages de rendu par défaut</translation>
    </message>
    <message>
        <source>Inpainting model</source>
        <translation>Modèle d’inpainting</translation>
    </message>
    <message>
        <source>Choose an inpainting model</source>
        <translation>Choisir un modèle d’inpainting</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stable Diffusion inpainting checkpoint</source>
        <translation>Checkpoint d’inpainting Stable Diffusion</translation>
    </message>
    <message>
        <source>Inpainting %p%</source>
        <translation>Inpainting %p%</translation>
    </message>
    <message>
        <source>Stop the inpainting model; the preview keeps the fast fill</source>
        <translation>Arrêter le modèle d’inpainting&#xa0;; l’aperçu garde le remplissage rapide</translation>
    </message>
    <message>
        <source>A Stable Diffusion inpainting checkpoint (folder or .safetensors). The preview shows the fast fill first, then the model&apos;s; the export uses the model at full resolution</source>
        <translation>Un checkpoint d’inpainting Stable Diffusion (dossier ou .safetensors). L’aperçu montre d’abord le remplissage rapide, puis celui du modèle&#xa0;; l’export utilise le modèle en pleine résolution</translation>
    </message>
</context>
<context>
    <name>sds::ui::RenderWorker</name>
    <message>
        <source>Rendering failed: %1</source>
        <translation>Échec du rendu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sds::ui::SdModelDetector</name>
    <message>
        <source>Not a usable Stable Diffusion model: %1</source>
        <translation>Pas un modèle Stable Diffusion utilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>An SDXL refiner: not supported; choose an SDXL base model.</source>
        <translation>Un refiner SDXL&#xa0;: non pris en charge&#xa0;; choisissez un modèle SDXL de base.</translation>
    </message>
    <message>
        <source>An SDXL inpainting checkpoint: not supported; choose an SDXL base model.</source>
        <translation>Un checkpoint d’inpainting SDXL&#xa0;: non pris en charge&#xa0;; choisissez un modèle SDXL de base.</translation>
    </message>
    <message>
        <source>single file</source>
        <translation>fichier unique</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>dossier diffusers</translation>
    </message>
    <message>
        <source>%1 · %2 · text-to-image · native %3 px</source>
        <translation>%1 · %2 · texte vers image · natif %3 px</translation>
    </message>
    <message>
        <source>An inpainting checkpoint (%1): choose it as the Fill&apos;s inpainting model, not to generate.</source>
        <translation>Un checkpoint d’inpainting (%1)&#xa0;: choisissez-le comme modèle d’inpainting du remplissage, pas pour générer.</translation>
    </message>
</context>
<context>
    <name>sds::ui::ShownView</name>
    <message>
        <source>A generated pair is shown: Stable Diffusion made its right view, so these render settings do not apply. Change it with the Generate dock&apos;s &quot;Right view (AI)&quot; fields, or show the source.</source>
        <translation>Une paire générée est affichée&#xa0;: Stable Diffusion a créé sa vue droite, ces réglages de rendu ne s’appliquent donc pas. Modifiez-la avec les champs «&#xa0;Vue droite (IA)&#xa0;» du panneau «&#xa0;Générer&#xa0;», ou affichez la source.</translation>
    </message>
    <message>
        <source>Shown: generated pair (%1)</source>
        <translation>Affiché&#xa0;: paire générée (%1)</translation>
    </message>
    <message>
        <source>Open a photo and a depth map (or estimate one) to render.</source>
        <translation>Ouvrez une photo et une carte de profondeur (ou estimez-en une) pour le rendu.</translation>
    </message>
    <message>
        <source>An estimated depth map is always relative inverse depth (near is bright).</source>
        <translation>Une carte de profondeur estimée est toujours une profondeur inverse relative (proche = clair).</translation>
    </message>
    <message>
        <source>Source: a depth map without a photo; open the photo.</source>
        <translation>Source&#xa0;: une carte de profondeur sans photo&#xa0;; ouvrez la photo.</translation>
    </message>
    <message>
        <source>Source: none; open a photo.</source>
        <translation>Source&#xa0;: aucune&#xa0;; ouvrez une photo.</translation>
    </message>
    <message>
        <source>Source: %1 · depth: your file %2 (%3)</source>
        <translation>Source&#xa0;: %1 · profondeur&#xa0;: votre fichier %2 (%3)</translation>
    </message>
    <message>
        <source>Source: %1 · depth: estimated by %2 (near is bright)</source>
        <translation>Source&#xa0;: %1 · profondeur&#xa0;: estimée par %2 (proche = clair)</translation>
    </message>
    <message>
        <source>Source: %1 · no depth map: open one or estimate it (Depth menu).</source>
        <translation>Source&#xa0;: %1 · pas de carte de profondeur&#xa0;: ouvrez-en une ou estimez-la (menu Profondeur).</translation>
    </message>
</context>
<context>
    <name>sds::ui::StageNames</name>
    <message>
        <source>Loading Stable Diffusion</source>
        <translation>Chargement de Stable Diffusion</translation>
    </message>
    <message>
        <source>Loading the depth model</source>
        <translation>Chargement du modèle de profondeur</translation>
    </message>
    <message>
        <source>Loading the inpainting model</source>
        <translation>Chargement du modèle d’inpainting</translation>
    </message>
    <message>
        <source>Estimating depth</source>
        <translation>Estimation de la profondeur</translation>
    </message>
    <message>
        <source>Inverting the photo</source>
        <translation>Inversion de la photo</translation>
    </message>
    <message>
        <source>Null-text optimisation</source>
        <translation>Optimisation null-text</translation>
    </message>
    <message>
        <source>Denoising</source>
        <translation>Débruitage</translation>
    </message>
    <message>
        <source>Left view</source>
        <translation>Vue gauche</translation>
    </message>
    <message>
        <source>Right view</source>
        <translation>Vue droite</translation>
    </message>
    <message>
        <source>Inpainting</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation>Décodage</translation>
    </message>
    <message>
        <source>Composing the pair</source>
        <translation>Assemblage de la paire</translation>
    </message>
</context>
<context>
    <name>sds::ui::UserGuideDialog</name>
    <message>
        <source>StereoDiffusion Studio User Guide</source>
        <translation>Guide de l’utilisateur de StereoDiffusion Studio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>sds::ui::WiggleView</name>
    <message>
        <source> ms</source>
        <translation>&#xa0;ms</translation>
    </message>
    <message>
        <source>How long each eye&apos;s view stays on screen. 100 to 200 ms shows depth best; slower makes it easier to compare the two views.</source>
        <translation>Durée d’affichage de la vue de chaque œil. 100 à 200&#xa0;ms montrent le mieux le relief&#xa0;; plus lent facilite la comparaison des deux vues.</translation>
    </message>
    <message>
        <source>Each view</source>
        <translation>Chaque vue</translation>
    </message>
</context>
</TS>
