"""The page of one writing step: its facts form, 按事实生成, the editor(s), 标记为已完成.

For 主要举措和成效 the writer also picks and orders the sub-areas; each picked
area gets its own facts form. When facts change after a part was generated,
a banner offers to regenerate; if the writer edited the text since, the
change is shown before anything is replaced. Nothing is overwritten silently.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from drafting.data.areas import areas_for_year
from drafting.data.facts import computed_facts
from drafting.data.outline import default_outline
from drafting.errors import DraftingError
from drafting.model import Block
from drafting.numbering import standard_prefix
from drafting.project import DraftProject
from drafting.writing.generation import NOTHING, Regeneration
from drafting.writing.part_text import blocks_to_text
from drafting.writing.render import PART_TEMPLATES
from ui import dialogs, messages
from ui.area_picker import AreaPicker
from ui.balanced_splitter import BalancedSplitter
from ui.fact_form import FactForm
from ui.last_year_view import LastYearPane, panes_for
from ui.outline_panel import Step
from ui.part_editor import PartEditor
from ui.practice_box import PracticeBox, practice_widget

logger = logging.getLogger(__name__)

_EDITOR_TITLES = {"title": "标题", "addressee": "主送机关", "signature": "署名（发文机关）", "date": "成文日期"}
_SHORT_PARTS = ("title", "addressee", "signature", "date")


class PartPage(QWidget):
    """One step's page; emits changed() after anything in the project changed."""

    changed = Signal()

    def __init__(self, project: DraftProject, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.step = step
        self.editors: dict[str, PartEditor] = {}
        self.forms: list[FactForm] = []
        self.parse_errors: dict[str, str] = {}
        self.area_picker: AreaPicker | None = None
        self.last_year_panes: dict[str, LastYearPane] = {}
        self.last_edited = step.part_ids[0]
        self._pending: list[Regeneration] = []  # what the banner offers, with the blocks rendered for it
        self._pending_blocks: dict[str, list[Block]] = {}
        self._banner_busy = False  # a background render for the banner runs
        self._banner_dirty = False  # something changed while it ran: check again when it ends
        outline = default_outline()
        # widgets
        title = QLabel(step.name)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        statutory = outline.spec(step.part_ids[0]).statutory_name
        subtitle = QLabel(f"法定内容：{statutory}" if statutory else "")
        subtitle.setWordWrap(True)
        self.generatable = [pid for pid in step.part_ids if pid in PART_TEMPLATES]
        self.generate_button = QPushButton("按事实生成")
        self.generate_button.setObjectName("generate_button")
        self.generate_button.setVisible(bool(self.generatable))
        self.generate_button.setToolTip("用左侧填写的事实按模板生成这一部分的文字；生成后可自由修改。")
        self.done_check = QCheckBox("标记为已完成")
        self.done_check.setObjectName("done_check")
        self.done_check.setChecked(all(project.is_done(pid) for pid in step.part_ids))
        self.banner = QFrame()
        self.banner.setObjectName("regenerate_banner")
        self.banner.setStyleSheet("#regenerate_banner { background: #fff4ce; border: 1px solid #e0c060; }")
        self.banner_label = QLabel("事实已修改，这一部分的文字可按新事实更新。")
        self.banner_button = QPushButton("查看变化并重新生成…")
        self.banner_button.setObjectName("regenerate_button")
        self.banner.setVisible(False)
        self.facts_box = QVBoxLayout()
        facts_widget = QWidget()
        facts_widget.setLayout(self.facts_box)
        facts_scroll = QScrollArea()
        facts_scroll.setWidgetResizable(True)
        facts_scroll.setWidget(facts_widget)
        facts_scroll.setMinimumWidth(260)
        # The form wraps to the column's width (labels over their fields when narrow): never sideways.
        facts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._build_facts()
        editors_widget = QWidget()
        editors_box = QVBoxLayout(editors_widget)
        editors_box.setContentsMargins(0, 0, 0, 0)
        for part_id in step.part_ids:
            editor = PartEditor(part_id, single_line=part_id in _SHORT_PARTS)
            editor.load_text(project.part_text(part_id))
            editor.edited.connect(lambda text, pid=part_id: self._on_editor_edited(pid, text))
            self.editors[part_id] = editor
            if part_id in _EDITOR_TITLES:
                editors_box.addWidget(QLabel(_EDITOR_TITLES[part_id] + "："))
            editors_box.addWidget(editor, 0 if part_id in _SHORT_PARTS else 1)
        if all(pid in _SHORT_PARTS for pid in step.part_ids):
            editors_box.addStretch(1)
        self.last_year_panes = self._build_last_year_panes()
        # signals
        self.generate_button.clicked.connect(self._on_generate_button_clicked)
        self.done_check.toggled.connect(self._on_done_check_toggled)
        self.banner_button.clicked.connect(self._on_regenerate_button_clicked)
        # layout
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(self.banner_label, 1)
        banner_row.addWidget(self.banner_button)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.generate_button)
        top.addWidget(self.done_check)
        splitter = BalancedSplitter()  # the editor keeps its share when a dock takes width
        splitter.setObjectName("page_splitter")
        has_facts = bool(self.forms) or self.area_picker is not None
        side: QWidget = facts_scroll
        if self.last_year_panes:
            # Last year's text beside the editor; the facts (if any) share that side in a tab.
            side = QTabWidget()
            side.setObjectName("side_tabs")
            for part_id, pane in self.last_year_panes.items():
                side.addTab(pane, "去年的内容" if len(self.last_year_panes) == 1 else _EDITOR_TITLES.get(part_id, part_id))
            if has_facts:
                side.addTab(facts_scroll, "本部分的事实")
            has_facts = True
        if has_facts:
            splitter.addWidget(side)
        splitter.addWidget(editors_widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        if statutory:
            layout.addWidget(subtitle)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.update_banner()

    # ---- facts ----

    def _build_facts(self) -> None:
        catalog = self.project.catalog
        if self.step.id == "measures":
            self.area_picker = AreaPicker(self.project)
            self.area_picker.areas_changed.connect(self._on_areas_changed)
            self.facts_box.addWidget(self.area_picker)
            self.area_toolbox = QToolBox()
            self.area_toolbox.setObjectName("area_facts")
            self.area_toolbox.currentChanged.connect(self._on_area_opened)
            self.facts_box.addWidget(self.area_toolbox, 1)
            self._build_area_forms()
            return
        choices = practice_widget(self.project, self.step.id)
        if choices is not None:
            choices.changed.connect(self._on_choices_changed)
            self.facts_box.addWidget(choices)
        specs = catalog.for_group(self.step.id)
        if specs:
            intro = QLabel("填写本部分的事实（没有的可以空着，生成时会略去）：")
            intro.setWordWrap(True)
            self.facts_box.addWidget(intro)
            self._add_form(FactForm(specs), self.facts_box)
        self.facts_box.addStretch(1)

    def _build_area_forms(self) -> None:
        while self.area_toolbox.count():
            widget = self.area_toolbox.widget(0)
            self.area_toolbox.removeItem(0)
            widget.deleteLater()
        self.forms = []
        plan_id = self.project.report.settings.plan_id
        offered = {a.id: a for a in areas_for_year(self.project.report.meta.year, plan_id)}
        for index, area_id in enumerate(self.project.area_ids, start=1):
            area = offered.get(area_id)
            if area is None:
                continue
            holder = QWidget()
            box = QVBoxLayout(holder)
            practices = PracticeBox(self.project, area.id)
            practices.changed.connect(self._on_choices_changed)
            box.addWidget(practices)
            self._add_form(FactForm(self.project.catalog.for_group(area.fact_group)), box)
            box.addStretch(1)
            self.area_toolbox.addItem(holder, standard_prefix(2, index) + area.name)

    def _on_area_opened(self, index: int) -> None:
        """An area opened again starts at its first field (QToolBox keeps each page's scroll)."""
        page = self.area_toolbox.widget(index)
        scroll = page.parentWidget().parentWidget() if page is not None and page.parentWidget() else None
        if isinstance(scroll, QScrollArea):
            scroll.verticalScrollBar().setValue(0)

    def _add_form(self, form: FactForm, box: QVBoxLayout) -> None:
        form.load({fid: self.project.fact_text(fid) for fid in form.fields})
        form.set_last_year({fid: self.project.last_year_fact_text(fid) for fid in form.fields})
        form.fact_edited.connect(self._on_fact_edited)
        self.forms.append(form)
        box.addWidget(form)
        self._refresh_forms()

    def _refresh_forms(self) -> None:
        problems = {**self.project.fact_problems(), **self.parse_errors}
        computed = computed_facts(self.project.catalog, self.project.report.facts)
        for form in self.forms:
            form.set_messages(problems)
            form.set_computed(computed)

    def form_for(self, fact_id: str) -> FactForm:
        for form in self.forms:
            if fact_id in form.fields:
                return form
        raise KeyError(fact_id)

    def _on_fact_edited(self, fact_id: str, raw: str) -> None:
        error = self.project.set_fact(fact_id, raw)
        if error:
            self.parse_errors[fact_id] = error
        else:
            self.parse_errors.pop(fact_id, None)
        self._refresh_forms()
        self.update_banner()
        self.changed.emit()

    def _on_choices_changed(self) -> None:
        self.update_banner()
        self.changed.emit()

    def _on_areas_changed(self, area_ids: list[str]) -> None:
        self.project.set_areas(area_ids)
        self._build_area_forms()
        self.update_banner()
        self.changed.emit()

    # ---- last year ----

    def _build_last_year_panes(self) -> dict[str, LastYearPane]:
        """Last year's text beside each carried part's editor (none in a draft not started from it)."""
        panes = panes_for(self.project.report, self.step.part_ids, self.editors)
        for pane in panes.values():
            pane.confirmed.connect(self._on_last_year_confirmed)
        return panes

    def _on_last_year_confirmed(self) -> None:
        self.project.mark_modified()
        self.changed.emit()

    # ---- text ----

    def last_editor(self) -> PartEditor:
        """The editor the writer last changed (undo/redo from the menu goes there)."""
        return self.editors[self.last_edited]

    def _on_editor_edited(self, part_id: str, text: str) -> None:
        self.last_edited = part_id
        try:
            self.project.set_part_text(part_id, text)
        except DraftingError as exc:
            messages.show_error(self, exc)
            return
        if self.done_check.isChecked() and not text.strip():
            self.done_check.setChecked(False)
        if part_id in self.last_year_panes:
            self.last_year_panes[part_id].schedule_refresh()
        self.update_banner()
        self.changed.emit()

    def _on_generate_button_clicked(self) -> None:
        # Rendered in the background (a county's template may be slow); applied here when done.
        from ui.workers import start_job

        render = self.project.rendering_job()
        part_ids = list(self.generatable)
        self.generate_button.setEnabled(False)
        start_job(lambda _progress: render(part_ids), None, on_done=self._on_rendered,
                  on_error=self._on_render_failed)

    def _on_render_failed(self, message: str) -> None:
        self.generate_button.setEnabled(True)
        messages.show_error(self, message)

    def _on_rendered(self, rendered: dict[str, list[Block]]) -> None:
        self.generate_button.setEnabled(True)
        for part_id, blocks in rendered.items():
            try:
                decision = self.project.regeneration(part_id, requested=True, rendered=blocks_to_text(blocks))
            except DraftingError as exc:
                messages.show_error(self, exc)
                return
            if decision.asks and not dialogs.confirm_regenerate(self, decision.old_text, decision.new_text):
                continue
            self._apply_generation(part_id, blocks)
        self.update_banner()
        self.changed.emit()

    def _apply_generation(self, part_id: str, blocks: list[Block] | None = None) -> None:
        try:
            self.project.generate(part_id, blocks)
        except DraftingError as exc:
            messages.show_error(self, exc)
            return
        # Through the undo stack, so Ctrl+Z brings back what was there.
        self.editors[part_id].replace_text(self.project.part_text(part_id))

    def pending_regenerations(self) -> list[Regeneration]:
        """The regeneration decisions the banner offers (from the last background render)."""
        return list(self._pending)

    def update_banner(self) -> None:
        """Offer regeneration when changed facts give another text: the parts are rendered in the background
        (a county's template may be slow), and a change while that runs starts it again once it ends."""
        if self._banner_busy:
            self._banner_dirty = True
            return
        try:
            changed = [part_id for part_id in self.generatable if self.project.facts_changed(part_id)]
        except DraftingError:
            logger.warning("cannot list the facts of %s for the regeneration check", self.step.id, exc_info=True)
            changed = []
        if not changed:
            self._show_banner([], {})
            return
        from ui.workers import start_job

        render = self.project.rendering_job()

        def job(_progress: object) -> dict[str, list[Block]]:
            rendered: dict[str, list[Block]] = {}
            for part_id in changed:
                try:
                    rendered.update(render([part_id]))
                except DraftingError:
                    logger.warning("cannot render %s for the regeneration check", part_id)
            return rendered

        self._banner_busy, self._banner_dirty = True, False
        self.banner_button.setEnabled(False)
        start_job(job, None, on_done=self._on_banner_rendered, on_error=self._on_banner_render_failed)

    def _on_banner_rendered(self, rendered: dict[str, list[Block]]) -> None:
        self._banner_busy = False
        if self._banner_dirty:
            self.update_banner()
            return
        pending = []
        for part_id, blocks in rendered.items():
            decision = self.project.regeneration(part_id, rendered=blocks_to_text(blocks))
            if decision.action != NOTHING:
                pending.append(decision)
        self._show_banner(pending, rendered)

    def _on_banner_render_failed(self, message: str) -> None:
        logger.warning("regeneration check failed: %s", message)
        self._banner_busy = False
        if self._banner_dirty:
            self.update_banner()
        else:
            self._show_banner([], {})

    def _show_banner(self, pending: list[Regeneration], rendered: dict[str, list[Block]]) -> None:
        self._pending = pending
        self._pending_blocks = rendered
        edited = any(decision.asks for decision in pending)
        self.banner_label.setText(
            "事实已修改，而这部分文字生成后您也改过。可以先看看按新事实会有哪些变化，再决定是否重新生成。"
            if edited else "事实已修改，这一部分的文字可以按新事实更新。"
        )
        self.banner_button.setText("查看变化并重新生成…" if edited else "按新事实更新")
        self.banner_button.setEnabled(True)
        self.banner.setVisible(bool(pending))

    def _on_regenerate_button_clicked(self) -> None:
        pending, blocks = self._pending, self._pending_blocks
        self._pending, self._pending_blocks = [], {}
        for decision in pending:
            if decision.asks and not dialogs.confirm_regenerate(self, decision.old_text, decision.new_text):
                continue
            self._apply_generation(decision.part_id, blocks.get(decision.part_id))
        self.update_banner()
        self.changed.emit()

    def _on_done_check_toggled(self, checked: bool) -> None:
        for part_id in self.step.part_ids:
            self.project.set_done(part_id, checked)
        self.changed.emit()
